package dev.loop;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The house rules the build enforces (README, Architecture): the product never imports its tools, {@code core} is
 * the ground floor, features build on the {@code issue} kernel and never on each other, only the kernel writes the
 * issue tables, and the pure rules stay free of Discord and the database.
 */
class ArchitectureTest {

    /** The features: each may import {@code issue} and {@code core}, never another feature. */
    static final List<String> FEATURES =
            List.of("capture", "triage", "release", "watch", "stats", "naming", "setup", "privacy");

    /** The pure rules: decisions and texts that unit tests check without Discord or a database. */
    static final List<String> PURE_RULES = List.of(
            "dev.loop.triage.Flowchart",
            "dev.loop.triage.TriageState",
            "dev.loop.triage.TriageToken",
            "dev.loop.triage.Timeline",
            "dev.loop.triage.Promises",
            "dev.loop.triage.ReactionTriage",
            "dev.loop.triage.PastDueNote",
            "dev.loop.release.NoticePlan",
            "dev.loop.release.Fallback",
            "dev.loop.release.Nonces",
            "dev.loop.release.ReleaseRules",
            "dev.loop.release.ReleaseDrafts",
            "dev.loop.issue.Bump",
            "dev.loop.issue.TimelineNotice",
            "dev.loop.issue.search.FtsQuery",
            "dev.loop.issue.search.SimilarityRanking",
            "dev.loop.issue.search.LooksLike",
            "dev.loop.issue.merge.MergePlan",
            "dev.loop.issue.merge.UnmergePlan",
            "dev.loop.core.text.Safe",
            "dev.loop.core.text.Chunker",
            "dev.loop.core.discord.ComponentId",
            "dev.loop.stats.Kpis",
            "dev.loop.naming.PollOutcome",
            "dev.loop.naming.NameProposal",
            "dev.loop.watch.HintMatcher");

    /** The generated jOOQ classes of the tables the issue kernel owns (schema.sql: issue, its places and so on). */
    static final List<String> ISSUE_TABLES = List.of(
            "dev.loop.db.tables.Issue",
            "dev.loop.db.tables.IssuePlace",
            "dev.loop.db.tables.Requester",
            "dev.loop.db.tables.TranscriptMessage",
            "dev.loop.db.tables.IssueHistory",
            "dev.loop.db.tables.records.IssueRecord",
            "dev.loop.db.tables.records.IssuePlaceRecord",
            "dev.loop.db.tables.records.RequesterRecord",
            "dev.loop.db.tables.records.TranscriptMessageRecord",
            "dev.loop.db.tables.records.IssueHistoryRecord");

    static JavaClasses product;

    @BeforeAll
    static void importProduct() {
        product = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.loop");
    }

    @Test
    void theProductNeverImportsItsTools() {
        ArchRule rule = noClasses()
                .that()
                .resideOutsideOfPackages("dev.loop.sim..", "dev.loop.bench..", "dev.loop.sandbox..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("dev.loop.sim..", "dev.loop.bench..", "dev.loop.sandbox..")
                .because("the simulator, the benchmarks and the sandbox are tools that drive Loop from outside");
        rule.check(product);
    }

    @Test
    void coreImportsNoFeatureNorTheKernelNorTheCompositionRoot() {
        noClasses()
                .that()
                .resideInAPackage("dev.loop.core..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(packagesOf("issue", "app", FEATURES))
                .because("core is the ground floor; which features run is decided in dev.loop.app")
                .check(product);
    }

    @Test
    void theKernelImportsNoFeature() {
        noClasses()
                .that()
                .resideInAPackage("dev.loop.issue..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(packagesOf("app", null, FEATURES))
                .because("every feature builds on the issue kernel; a feature reacts to another through a port in"
                        + " dev.loop.issue wired in dev.loop.app")
                .check(product);
    }

    @Test
    void featuresDoNotImportEachOther() {
        for (String feature : FEATURES) {
            List<String> others =
                    FEATURES.stream().filter(f -> !f.equals(feature)).toList();
            noClasses()
                    .that()
                    .resideInAPackage("dev.loop." + feature + "..")
                    .should()
                    .dependOnClassesThat()
                    .resideInAnyPackage(packagesOf("app", null, others))
                    .because("features build on issue and core; one reacts to another through a named port")
                    .check(product);
        }
    }

    @Test
    void noCyclesBetweenTopLevelPackages() {
        slices().matching("dev.loop.(*)..")
                .should()
                .beFreeOfCycles()
                .ignoreDependency(
                        com.tngtech.archunit.base.DescribedPredicate.alwaysTrue(),
                        com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage("dev.loop.db.."))
                .check(product);
    }

    @Test
    void onlyTheKernelWritesTheIssueTables() {
        noClasses()
                .that()
                .resideOutsideOfPackages("dev.loop.issue..", "dev.loop.db..", "dev.loop.stats..", "dev.loop.github..")
                .should()
                .dependOnClassesThat(
                        com.tngtech.archunit.core.domain.JavaClass.Predicates.belongToAnyOf(issueTableClasses()))
                .because("the issue store is the one writer of the issue tables; other features ask it"
                        + " (stats reads them for its report, github joins them with its export state to find what is due;"
                        + " see their package docs)")
                .check(product);
    }

    @Test
    void readersOfTheIssueTablesNeverWriteThem() {
        noClasses()
                .that()
                .resideInAnyPackage("dev.loop.stats..", "dev.loop.github..")
                .should()
                .dependOnClassesThat(
                        com.tngtech.archunit.core.domain.JavaClass.Predicates.belongToAnyOf(issueRecordClasses()))
                .because("stats and the GitHub sync read the issue tables and never write them")
                .check(product);
    }

    @Test
    void pureRulesStayFreeOfDiscordAndTheDatabase() {
        classes()
                .that()
                .haveNameMatching(String.join(
                        "|",
                        PURE_RULES.stream()
                                .map(n -> n.replace(".", "\\.") + "(\\$.*)?")
                                .toList()))
                .should()
                .onlyDependOnClassesThat()
                .resideOutsideOfPackages("net.dv8tion..", "org.jooq..", "dev.loop.db..", "java.sql..")
                .because("the pure rules are decisions a unit test checks without Discord or a database")
                .check(product);
    }

    private static String[] packagesOf(String first, String second, List<String> names) {
        java.util.ArrayList<String> out = new java.util.ArrayList<>();
        out.add("dev.loop." + first + "..");
        if (second != null) out.add("dev.loop." + second + "..");
        for (String n : names) out.add("dev.loop." + n + "..");
        return out.toArray(String[]::new);
    }

    private static Class<?>[] issueTableClasses() {
        return ISSUE_TABLES.stream().map(ArchitectureTest::load).toArray(Class<?>[]::new);
    }

    private static Class<?>[] issueRecordClasses() {
        return ISSUE_TABLES.stream()
                .filter(n -> n.contains(".records."))
                .map(ArchitectureTest::load)
                .toArray(Class<?>[]::new);
    }

    private static Class<?> load(String name) {
        try {
            return Class.forName(name);
        } catch (ClassNotFoundException e) {
            throw new AssertionError("generated table class " + name + " is missing: check schema.sql", e);
        }
    }
}
