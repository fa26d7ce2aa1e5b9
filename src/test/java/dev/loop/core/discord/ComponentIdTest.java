package dev.loop.core.discord;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.loop.core.discord.ComponentId.Forged;
import dev.loop.core.discord.ComponentId.Kind;
import dev.loop.core.discord.ComponentId.Shape;
import dev.loop.core.discord.ComponentId.Stale;
import dev.loop.core.discord.ComponentId.Valid;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ComponentIdTest {

    static final Shape ME_TOO = Shape.of("metoo", "That button can't be read.", Kind.NUMBER, Kind.REVISION)
            .stale("That card is out of date.");
    static final Shape ANSWER =
            Shape.of("answer", "That answer can't be read.", Kind.ID, Kind.WORD).words("y", "n");
    static final Shape LIST = Shape.of("list", "That list can't be read.", Kind.REVISION, Kind.TEXT);

    @Test
    void anIdLoopWroteReadsBackToTheSameFields() {
        String id = ME_TOO.id(12, 7);

        assertThat(id).isEqualTo("metoo:12:7");
        ComponentId parsed = ME_TOO.parse(id).orRefuse();
        assertThat(parsed.handler()).isEqualTo("metoo");
        assertThat(parsed.number(0)).isEqualTo(12);
        assertThat(parsed.number(1)).isEqualTo(7);
        assertThat(parsed.encode()).isEqualTo(id);
        assertThat(ANSWER.parse(ANSWER.id(123456789012345L, "y")).orRefuse().id(0))
                .isEqualTo(123456789012345L);
        assertThat(LIST.parse(LIST.id(0, ",h,")).orRefuse().field(1)).isEqualTo(",h,");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "metoo",
                "metoo:",
                "metoo:12",
                "metoo:12:7:3",
                "metoo::7",
                "metoo:x:7",
                "metoo:12:x",
                "metoo:0:7",
                "metoo:-1:7",
                "metoo:12:-7",
                "metoo:012:7",
                "metoo:99999999999:7",
                "metoo:1.5:7",
                "meToo:12:7",
                "blocks:12:7",
                "metoo 12 7",
            })
    void everyForgedShapeIsForgedWithTheShapesSentence(String customId) {
        var parsed = ME_TOO.parse(customId);

        assertThat(parsed).isInstanceOf(Forged.class);
        assertThatThrownBy(parsed::orRefuse).isInstanceOf(UserError.class).hasMessage("That button can't be read.");
    }

    @Test
    void anIdLongerThanDiscordAllowsIsForged() {
        String longText = "list:1:" + "a".repeat(60) + "," + "b".repeat(40);
        assertThat(longText.length()).isGreaterThan(ComponentId.MAX_LENGTH);
        assertThat(LIST.parse(longText)).isInstanceOf(Forged.class);
        assertThat(ME_TOO.parse("metoo:12:" + "7".repeat(100))).isInstanceOf(Forged.class);
        assertThat(ME_TOO.parse(null)).isInstanceOf(Forged.class);
    }

    @Test
    void aWordOutsideTheShapesWordsIsForged() {
        assertThat(ANSWER.parse("answer:5:maybe")).isInstanceOf(Forged.class);
        assertThat(ANSWER.parse("answer:5:")).isInstanceOf(Forged.class);
        assertThat(ANSWER.parse("answer:5:n")).isInstanceOf(Valid.class);
    }

    @Test
    void anOptionalIdOrIndexTakesItsNoneValueAndNothingElseOutsideItsKind() {
        Shape page = Shape.of("page", "That page can't be read.", Kind.ID_OR_ZERO, Kind.INDEX_OR_NONE);

        assertThat(page.parse(page.id(0, -1)).orRefuse().id(0)).isZero();
        assertThat(page.parse(page.id(0, -1)).orRefuse().number(1)).isEqualTo(-1);
        assertThat(page.parse(page.id(123456789012345678L, 3)).orRefuse().id(0)).isEqualTo(123456789012345678L);
        for (String forged : new String[] {
            "page:-1:0",
            "page:00:0",
            "page:1:-2",
            "page:1:-0",
            "page:1:01",
            "page:x:0",
            "page:1:",
            "page:99999999999999999999:0"
        }) {
            assertThat(page.parse(forged)).as(forged).isInstanceOf(Forged.class);
        }
    }

    @Test
    void aTextFieldRefusesCharactersOutsideTheGrammar() {
        assertThat(LIST.parse("list:0:<@1>")).isInstanceOf(Forged.class);
        assertThat(LIST.parse("list:0:a b")).isInstanceOf(Forged.class);
    }

    @Test
    void anIdDrawnForAnOlderRevisionIsStaleWithItsOwnSentence() {
        var valid = (Valid) ME_TOO.parse("metoo:12:7");

        assertThat(valid.against(7)).isSameAs(valid);
        var stale = valid.against(9);
        assertThat(stale).isInstanceOfSatisfying(Stale.class, s -> {
            assertThat(s.revision()).isEqualTo(7);
            assertThat(s.current()).isEqualTo(9);
        });
        assertThatThrownBy(stale::orRefuse).isInstanceOf(UserError.class).hasMessage("That card is out of date.");
    }

    @Test
    void aShapeWithoutARevisionIsNeverStale() {
        var valid = (Valid) ANSWER.parse("answer:5:y");
        assertThat(valid.against(42)).isSameAs(valid);
    }

    @Test
    void buildingAnIdLoopCouldNotReadIsABugCaughtAtOnce() {
        assertThatThrownBy(() -> ME_TOO.id(0, 7)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ME_TOO.id(12)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ANSWER.id(5, "maybe")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Shape.of("Bad Handler", "x")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theRouterKeyIsThePartBeforeTheFirstColon() {
        assertThat(ComponentId.handlerOf("metoo:12:7")).isEqualTo("metoo");
        assertThat(ComponentId.handlerOf("metoo")).isEqualTo("metoo");
        assertThat(ComponentId.handlerOf("")).isEmpty();
    }
}
