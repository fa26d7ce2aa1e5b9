package dev.loop.triage;

import dev.loop.issue.Priority;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.StringJoiner;

/**
 * One point in a walk through the {@link Flowchart}. Immutable: every step returns a new state.
 *
 * <p>A walk has three phases: <em>asking</em> ({@link #currentQuestion()} is present), <em>decided</em> (a
 * {@link #result()} is known and the engineer may still override "brought up before", then press Done or pick a
 * caveat) and <em>finished</em>.
 *
 * <p>The whole state fits in a few characters ({@link #encode()}) so it can ride in a button's custom_id and a
 * prompt keeps working after a restart. Encoding, in order:
 * <ul>
 *   <li>what the record says about "brought up before": {@code y}, {@code n} or {@code u} (unknown);</li>
 *   <li>one character per answer in question order: {@code y}/{@code n} for the engineer's answers,
 *       {@code Y}/{@code N} for "brought up before" taken from the record;</li>
 *   <li>when finished, {@code !} followed by the caveat's tag if one was chosen.</li>
 * </ul>
 * Examples: {@code "uy"} (blocked → Fix it now), {@code "ynnnY!"} (record said brought up before → High, done),
 * {@code "ynnnn!v"} (engineer overrode the record to "no", then raised Low → High for a valued member).
 * Only the canonical form decodes; anything else is rejected.
 */
public final class TriageState {

    /** The longest encoding: pre-answer, four answers, "!", caveat tag. */
    public static final int MAX_ENCODED_LENGTH = 7;

    /** One answer in the walk. {@code fromRecord} marks "brought up before" filled in from the record. */
    public record Answer(Question question, boolean yes, boolean fromRecord) {
        public Answer {
            Objects.requireNonNull(question, "question");
            if (fromRecord && question != Question.BROUGHT_UP_BEFORE) {
                throw new IllegalArgumentException("only 'brought up before' can come from the record");
            }
        }
    }

    private final Boolean recordSays;
    private final List<Answer> answers;
    private final boolean finished;
    private final Caveat caveat;

    private TriageState(Boolean recordSays, List<Answer> answers, boolean finished, Caveat caveat) {
        this.recordSays = recordSays;
        this.answers = List.copyOf(answers);
        this.finished = finished;
        this.caveat = caveat;
    }

    static TriageState initial(Boolean recordSays) {
        return new TriageState(recordSays, List.of(), false, null);
    }

    /** What the record said about "brought up before" when the walk started; empty when unknown. */
    public Optional<Boolean> recordSaysBroughtUpBefore() {
        return Optional.ofNullable(recordSays);
    }

    /** The answers so far, in question order. */
    public List<Answer> answers() {
        return answers;
    }

    public Optional<Answer> answerTo(Question question) {
        return answers.stream().filter(a -> a.question() == question).findFirst();
    }

    public boolean isFinished() {
        return finished;
    }

    /** A result is known (the engineer may still override "brought up before" or add a caveat until finished). */
    public boolean isDecided() {
        if (answers.isEmpty()) return false;
        Answer last = answers.get(answers.size() - 1);
        return last.yes() || last.question() == Question.BROUGHT_UP_BEFORE;
    }

    /** The question to ask now; empty once a result is known. */
    public Optional<Question> currentQuestion() {
        if (isDecided()) return Optional.empty();
        if (answers.isEmpty()) return Optional.of(Question.USER_BLOCKED);
        return answers.get(answers.size() - 1).question().next();
    }

    /** True when the engineer may override the "brought up before" answer in this state. */
    public boolean canOverrideBroughtUpBefore() {
        return !finished && answerTo(Question.BROUGHT_UP_BEFORE).isPresent();
    }

    /** True when {@link #answer(Question, boolean)} would accept this question now. */
    public boolean canAnswer(Question question) {
        if (finished) return false;
        if (currentQuestion().filter(q -> q == question).isPresent()) return true;
        return question == Question.BROUGHT_UP_BEFORE && canOverrideBroughtUpBefore();
    }

    /**
     * Records an answer and moves on. Accepts the current question, or "brought up before" again once it has
     * been answered (from the record or by the engineer) to override it.
     *
     * @throws IllegalStateException when the question is not open in this state
     */
    public TriageState answer(Question question, boolean yes) {
        Objects.requireNonNull(question, "question");
        if (!canAnswer(question)) {
            throw new IllegalStateException("'" + question.text() + "' can't be answered now (state " + encode() + ")");
        }
        List<Answer> next = new ArrayList<>(answers);
        if (question == Question.BROUGHT_UP_BEFORE && answerTo(question).isPresent()) {
            next.remove(next.size() - 1);
        }
        // Agreeing with the record is not an override; keep the record as the source so summaries stay honest.
        boolean agreesWithRecord = question == Question.BROUGHT_UP_BEFORE && recordSays != null && recordSays == yes;
        next.add(new Answer(question, yes, agreesWithRecord));
        if (!yes && question.next().filter(q -> q == Question.BROUGHT_UP_BEFORE).isPresent() && recordSays != null) {
            next.add(new Answer(Question.BROUGHT_UP_BEFORE, recordSays, true));
        }
        return new TriageState(recordSays, next, false, null);
    }

    /** The result so far, without a caveat (or with the chosen one once finished); empty while still asking. */
    public Optional<TriageResult> result() {
        if (!isDecided()) return Optional.empty();
        Answer last = answers.get(answers.size() - 1);
        Priority flowchart = last.yes() ? last.question().yesLeadsTo() : Priority.LOW;
        Optional<Question> decidedBy = last.yes() ? Optional.of(last.question()) : Optional.empty();
        return Optional.of(Flowchart.withCaveat(flowchart, decidedBy, Optional.ofNullable(caveat)));
    }

    /** What the result would be with this caveat; for labelling the caveat choices before one is picked. */
    public TriageResult previewWith(Caveat caveat) {
        TriageResult r = result().orElseThrow(() -> new IllegalStateException("no result yet"));
        return Flowchart.withCaveat(r.flowchartPriority(), r.decidedBy(), Optional.of(caveat));
    }

    /** Done without a caveat. */
    public TriageState finish() {
        return finish(Optional.empty());
    }

    /** Done with a caveat. */
    public TriageState finish(Caveat caveat) {
        return finish(Optional.of(caveat));
    }

    public TriageState finish(Optional<Caveat> caveat) {
        if (finished) throw new IllegalStateException("the triage is already finished");
        if (!isDecided()) throw new IllegalStateException("the triage has no result yet");
        return new TriageState(recordSays, answers, true, caveat.orElse(null));
    }

    public Optional<Caveat> caveat() {
        return Optional.ofNullable(caveat);
    }

    /** The compact form described in the class comment; at most {@value #MAX_ENCODED_LENGTH} characters. */
    public String encode() {
        StringBuilder sb = new StringBuilder(MAX_ENCODED_LENGTH);
        sb.append(recordSays == null ? 'u' : recordSays ? 'y' : 'n');
        for (Answer a : answers) {
            char c = a.yes() ? 'y' : 'n';
            sb.append(a.fromRecord() ? Character.toUpperCase(c) : c);
        }
        if (finished) {
            sb.append('!');
            if (caveat != null) sb.append(caveat.tag());
        }
        return sb.toString();
    }

    /**
     * Reads {@link #encode()} output back.
     *
     * @throws IllegalArgumentException for anything that is not a canonical encoding
     */
    public static TriageState decode(String encoded) {
        return parse(encoded).orElseThrow(() -> new IllegalArgumentException("not a triage state: " + encoded));
    }

    /** Like {@link #decode(String)} but empty instead of throwing; for input from Discord. */
    public static Optional<TriageState> parse(String encoded) {
        if (encoded == null || encoded.isEmpty() || encoded.length() > MAX_ENCODED_LENGTH) return Optional.empty();
        char first = encoded.charAt(0);
        if (first != 'y' && first != 'n' && first != 'u') return Optional.empty();
        Boolean record = first == 'u' ? null : first == 'y';
        // Replay the walk through the public steps, then insist the result encodes to exactly the input: only
        // states reachable through the API, in canonical form, are accepted.
        TriageState state = initial(record);
        try {
            int i = 1;
            for (; i < encoded.length() && encoded.charAt(i) != '!'; i++) {
                char c = encoded.charAt(i);
                if (c == 'Y' || c == 'N') continue; // filled in from the record by the previous step
                if (c != 'y' && c != 'n') return Optional.empty();
                Question q = state.currentQuestion().orElse(Question.BROUGHT_UP_BEFORE);
                state = state.answer(q, c == 'y');
            }
            if (i < encoded.length()) {
                String rest = encoded.substring(i + 1);
                if (rest.length() > 1) return Optional.empty();
                Optional<Caveat> caveat = Optional.empty();
                if (rest.length() == 1) {
                    caveat = Caveat.fromTag(rest.charAt(0));
                    if (caveat.isEmpty()) return Optional.empty();
                }
                state = state.finish(caveat);
            }
        } catch (IllegalStateException e) {
            return Optional.empty();
        }
        return state.encode().equals(encoded) ? Optional.of(state) : Optional.empty();
    }

    /**
     * The answers for the issue's {@code triage_answers} column, e.g.
     * {@code "blocked=n,new_user=n,quick=n,before=y(record)"}; an overridden record answer is marked
     * {@code (override)}. Fits the column's 200 characters by construction.
     */
    public String answersColumn() {
        StringJoiner j = new StringJoiner(",");
        for (Answer a : answers) {
            j.add(a.question().code() + "=" + (a.yes() ? "y" : "n") + sourceTag(a, "(record)", "(override)"));
        }
        return j.toString();
    }

    /**
     * A human summary for the history, e.g.
     * {@code "Blocked: no · New user: no · Quick: no · Brought up before: yes (from the record) → High
     * (bumped up from Low: brought up before)"}.
     */
    public String summary() {
        StringJoiner j = new StringJoiner(" · ");
        for (Answer a : answers) {
            j.add(a.question().shortLabel() + ": " + (a.yes() ? "yes" : "no")
                    + sourceTag(a, " (from the record)", " (overriding the record)"));
        }
        String answered = answers.isEmpty() ? "no answers yet" : j.toString();
        return result().map(r -> answered + " → " + r.priority().label() + " (" + r.reason() + ")")
                .orElse(answered);
    }

    private String sourceTag(Answer a, String fromRecord, String overridden) {
        if (a.question() != Question.BROUGHT_UP_BEFORE || recordSays == null) return "";
        return a.fromRecord() ? fromRecord : overridden;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TriageState s && s.encode().equals(encode());
    }

    @Override
    public int hashCode() {
        return encode().hashCode();
    }

    @Override
    public String toString() {
        return "TriageState[" + encode() + "]";
    }
}
