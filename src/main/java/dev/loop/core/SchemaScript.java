package dev.loop.core;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * schema.sql split into its versioned sections. The file is copied into the jar at build time, so the running bot
 * always carries the schema it was compiled against.
 */
public record SchemaScript(List<Section> sections) {

    public record Section(int version, String sql) {}

    private static final Pattern VERSION_MARKER = Pattern.compile("(?m)^--\\s*version\\s+(\\d+)\\s*$");

    public SchemaScript {
        sections = List.copyOf(sections);
        for (int i = 0; i < sections.size(); i++) {
            if (sections.get(i).version() != i + 1) {
                throw new IllegalArgumentException("schema sections must be numbered 1, 2, 3… in order; found version "
                        + sections.get(i).version() + " at position " + (i + 1));
            }
        }
    }

    public int latestVersion() {
        return sections.size();
    }

    public static SchemaScript parse(String text) {
        Matcher m = VERSION_MARKER.matcher(text);
        List<int[]> markers = new ArrayList<>(); // {version, markerStart, markerEnd}
        while (m.find()) {
            markers.add(new int[] {Integer.parseInt(m.group(1)), m.start(), m.end()});
        }
        List<Section> sections = new ArrayList<>();
        for (int i = 0; i < markers.size(); i++) {
            int from = markers.get(i)[2];
            int to = i + 1 < markers.size() ? markers.get(i + 1)[1] : text.length();
            sections.add(new Section(markers.get(i)[0], text.substring(from, to).strip()));
        }
        return new SchemaScript(sections);
    }

    /** Loads the copy of schema.sql bundled on the classpath. */
    public static SchemaScript bundled() {
        try (InputStream in = SchemaScript.class.getResourceAsStream("/schema.sql")) {
            if (in == null) throw new DatabaseException("schema.sql is missing from the classpath");
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new DatabaseException("cannot read schema.sql", e);
        }
    }

    /** Removes the markers jOOQ's code generator needs; SQLite runs everything. */
    static String executable(String sql) {
        return sql.replace("-- [jooq ignore start]", "").replace("-- [jooq ignore stop]", "");
    }
}
