package dev.loop.core.discord;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The one codec for the custom ids of buttons, select menus and modals. Discord hands a custom id back verbatim, but
 * anyone can send any string as one, so every id Loop reads goes through a {@link Shape} that checks it fully.
 *
 * <p>The grammar:
 *
 * <pre>
 * custom-id = handler *( ":" field )          ; at most 100 characters, Discord's limit
 * handler   = lower *39( lower / digit / "_" / "-" / "." )   ; the key {@link InteractionRouter} routes on
 * field     = number / id / revision / index / word / text / id-or-zero / index-or-none
 * number    = positive int                    ; an issue number
 * id        = positive long                   ; a row id or a Discord snowflake
 * id-or-zero = "0" / id                       ; a snowflake that may be absent: 0 is none (anyone, no owner)
 * index-or-none = "-1" / index                ; a position that may be absent: -1 is none (every area)
 * revision  = non-negative int                ; the record's revision when the control was drawn
 * index     = non-negative int                ; a page or a position
 * word      = one of the words the shape names (like "y" / "n", "link" / "ignore")
 * text      = *60( ALPHA / digit / "_" / "-" / "." / "," / "!" )
 * </pre>
 *
 * <p>A shape names the handler, the kinds of its fields in order, and the sentence a person reads when an id of that
 * handler can't be read. {@link Shape#parse} never throws: it returns {@link Valid} or {@link Forged}. Where a stale
 * press could do harm the shape carries a {@link Kind#REVISION} field, and {@link Valid#against} turns a valid id
 * drawn for an older revision into {@link Stale}. {@link Parsed#orRefuse} ends the handler politely through the router's
 * one error path (a {@link UserError}) for anything but a valid, current id.
 */
public record ComponentId(String handler, List<String> fields) {

    /** Discord's custom_id limit. */
    public static final int MAX_LENGTH = 100;

    private static final Pattern HANDLER = Pattern.compile("[a-z][a-z0-9_.-]{0,39}");
    private static final Pattern TEXT = Pattern.compile("[A-Za-z0-9_.,!-]{0,60}");
    private static final Pattern DIGITS = Pattern.compile("[0-9]{1,19}");

    public ComponentId {
        Objects.requireNonNull(handler, "handler");
        fields = List.copyOf(fields);
    }

    /** The kinds of field a custom id may carry. */
    public enum Kind {
        NUMBER,
        ID,
        REVISION,
        INDEX,
        WORD,
        TEXT,
        /** An {@link #ID} or 0, for none. */
        ID_OR_ZERO,
        /** An {@link #INDEX} or -1, for none. */
        INDEX_OR_NONE
    }

    /** The id as Discord stores it. */
    public String encode() {
        return fields.isEmpty() ? handler : handler + ":" + String.join(":", fields);
    }

    public String field(int index) {
        return fields.get(index);
    }

    /** A {@link Kind#NUMBER}, {@link Kind#REVISION}, {@link Kind#INDEX} or {@link Kind#INDEX_OR_NONE} field. */
    public int number(int index) {
        return Integer.parseInt(fields.get(index));
    }

    /** A {@link Kind#ID} or {@link Kind#ID_OR_ZERO} field. */
    public long id(int index) {
        return Long.parseLong(fields.get(index));
    }

    /** The part of a custom id before its first colon: the handler it is routed to. */
    public static String handlerOf(String customId) {
        int colon = customId.indexOf(':');
        return colon < 0 ? customId : customId.substring(0, colon);
    }

    /** What reading a custom id gave: a valid id, a forged one, or a valid one drawn for an older revision. */
    public sealed interface Parsed permits Valid, Forged, Stale {

        /** The id when it is valid and current; otherwise a {@link UserError} with the shape's polite sentence. */
        default ComponentId orRefuse() {
            return switch (this) {
                case Valid v -> v.id();
                case Forged f -> throw new UserError(f.sentence());
                case Stale s -> throw new UserError(s.sentence());
            };
        }

        /**
         * The valid id, still to be checked {@link Valid#against against} the record's revision; a forged or stale
         * one ends the handler as {@link #orRefuse} does.
         */
        default Valid valid() {
            if (this instanceof Valid v) return v;
            orRefuse();
            throw new IllegalStateException("unreachable");
        }
    }

    /** A well-formed id of the expected handler. */
    public record Valid(ComponentId id, Shape shape) implements Parsed {

        /**
         * {@link Stale} when the shape carries a revision and the record has moved on since the control was drawn;
         * this otherwise.
         */
        public Parsed against(int currentRevision) {
            int at = shape.kinds().indexOf(Kind.REVISION);
            if (at < 0 || id.number(at) == currentRevision) return this;
            return new Stale(id, id.number(at), currentRevision, shape.staleSentence());
        }

        /** True when the shape carries a revision other than {@code currentRevision}. */
        public boolean isStale(int currentRevision) {
            return against(currentRevision) instanceof Stale;
        }
    }

    /** Not an id Loop wrote: the wrong handler, missing or extra fields, a field of the wrong kind, too long. */
    public record Forged(String reason, String sentence) implements Parsed {}

    /** A valid id drawn when the record was at {@code revision}; it is at {@code current} now. */
    public record Stale(ComponentId id, int revision, int current, String sentence) implements Parsed {}

    /**
     * The shape of one handler's ids. {@code forgedSentence} is what a person reads when an id can't be read;
     * {@code staleSentence} when it was drawn for an older revision (only used by shapes with a revision).
     */
    public record Shape(
            String handler, List<Kind> kinds, Set<String> words, String forgedSentence, String staleSentence) {

        public Shape {
            if (handler == null || !HANDLER.matcher(handler).matches()) {
                throw new IllegalArgumentException("bad custom id handler: " + handler);
            }
            kinds = List.copyOf(kinds);
            words = Set.copyOf(words);
            if (kinds.stream().filter(k -> k == Kind.REVISION).count() > 1) {
                throw new IllegalArgumentException("at most one revision field: " + handler);
            }
            Objects.requireNonNull(forgedSentence, "forgedSentence");
            Objects.requireNonNull(staleSentence, "staleSentence");
        }

        /** A shape without a revision or words. */
        public static Shape of(String handler, String forgedSentence, Kind... kinds) {
            return new Shape(handler, List.of(kinds), Set.of(), forgedSentence, forgedSentence);
        }

        /** The same shape with the words its {@link Kind#WORD} fields may hold. */
        public Shape words(String... allowed) {
            return new Shape(handler, kinds, Set.of(allowed), forgedSentence, staleSentence);
        }

        /** The same shape with the sentence for a press on a control drawn for an older revision. */
        public Shape stale(String sentence) {
            return new Shape(handler, kinds, words, forgedSentence, sentence);
        }

        /** The custom id for these values, one per kind; throws on a value its kind doesn't allow (a bug in Loop). */
        public String id(Object... values) {
            if (values.length != kinds.size()) {
                throw new IllegalArgumentException(
                        handler + " takes " + kinds.size() + " fields, not " + values.length);
            }
            List<String> fields = new ArrayList<>(values.length);
            for (Object v : values) fields.add(String.valueOf(v));
            String id = new ComponentId(handler, fields).encode();
            if (!(parse(id) instanceof Valid))
                throw new IllegalArgumentException("not a valid " + handler + " id: " + id);
            return id;
        }

        /** Reads a custom id: {@link Valid} or {@link Forged}, never an exception. */
        public Parsed parse(String customId) {
            if (customId == null) return forged("no id");
            if (customId.length() > MAX_LENGTH) return forged("longer than " + MAX_LENGTH);
            String[] parts = customId.split(":", -1);
            if (!parts[0].equals(handler)) return forged("handler " + parts[0]);
            if (parts.length - 1 != kinds.size()) return forged((parts.length - 1) + " fields");
            List<String> fields = new ArrayList<>(kinds.size());
            for (int i = 0; i < kinds.size(); i++) {
                String f = parts[i + 1];
                if (!fits(kinds.get(i), f)) return forged("field " + i + " is not a " + kinds.get(i));
                fields.add(f);
            }
            return new Valid(new ComponentId(handler, fields), this);
        }

        private boolean fits(Kind kind, String field) {
            return switch (kind) {
                case NUMBER -> DIGITS.matcher(field).matches() && inRange(field, 1, Integer.MAX_VALUE);
                case REVISION, INDEX -> DIGITS.matcher(field).matches() && inRange(field, 0, Integer.MAX_VALUE);
                case ID -> DIGITS.matcher(field).matches() && inRange(field, 1, Long.MAX_VALUE);
                case WORD -> words.contains(field);
                case TEXT -> TEXT.matcher(field).matches();
                case ID_OR_ZERO -> field.equals("0") || fits(Kind.ID, field);
                case INDEX_OR_NONE -> field.equals("-1") || fits(Kind.INDEX, field);
            };
        }

        private static boolean inRange(String digits, long min, long max) {
            try {
                long v = Long.parseLong(digits);
                return v >= min && v <= max && String.valueOf(v).equals(digits);
            } catch (NumberFormatException e) {
                return false;
            }
        }

        private Forged forged(String reason) {
            return new Forged(reason, forgedSentence);
        }
    }
}
