-- Loop's data model (SQLite).
--
-- Conventions
--   * Discord snowflakes are BIGINT. Times are epoch milliseconds (BIGINT), never SQLite's CURRENT_TIMESTAMP text.
--   * The file is a sequence of versioned sections ("-- version N"). A database at PRAGMA user_version = K gets the
--     sections after K applied in order, each in its own transaction, so an upgrade only adds and never loses data.
--     Never edit a released section: append a new one.
--   * jOOQ's code generator reads the whole file; what its H2-based parser cannot read (FTS5, triggers) sits between
--     the "jooq ignore" markers.

-- version 1

-- One tracked issue. Stored text is kept whole; truncation for Discord happens only when rendering.
CREATE TABLE issue (
    number             INTEGER      NOT NULL PRIMARY KEY,
    title              VARCHAR(4000) NOT NULL,
    kind               VARCHAR(16)  NOT NULL,               -- bug | feature | question
    summary            TEXT         NOT NULL,
    status             VARCHAR(16)  NOT NULL,               -- open | in_progress | shipped | closed | duplicate
    priority           VARCHAR(16)  NOT NULL,               -- untriaged | fix_now | high | low
    priority_reason    TEXT,
    triage_answers     VARCHAR(200),                        -- compact flowchart answers, e.g. "blocked=n,new_user=n,quick=y"
    caveat             VARCHAR(32),
    area               VARCHAR(100),
    owner_id           BIGINT,
    needs_docs         BOOLEAN      NOT NULL DEFAULT FALSE,
    promise_due_at     BIGINT,
    shipped_version    VARCHAR(64),
    duplicate_of       INTEGER      REFERENCES issue (number),
    close_reason       TEXT,
    transcript_capped  BOOLEAN      NOT NULL DEFAULT FALSE,
    revision           INTEGER      NOT NULL DEFAULT 0,     -- bumped on every change; stale buttons compare it
    created_by         BIGINT       NOT NULL,
    created_at         BIGINT       NOT NULL,
    updated_at         BIGINT       NOT NULL,
    triaged_at         BIGINT,
    shipped_at         BIGINT,
    closed_at          BIGINT
);
CREATE INDEX issue_status_priority ON issue (status, priority);
CREATE INDEX issue_owner ON issue (owner_id);

-- Every place an issue was brought up. origin_issue remembers where a row was first added so that a merge can be
-- undone exactly.
CREATE TABLE issue_place (
    id                 INTEGER      NOT NULL PRIMARY KEY,
    issue_number       INTEGER      NOT NULL REFERENCES issue (number),
    origin_issue       INTEGER      NOT NULL REFERENCES issue (number),
    kind               VARCHAR(16)  NOT NULL,               -- thread | forum_post | message | github
    guild_id           BIGINT,
    parent_channel_id  BIGINT,
    channel_id         BIGINT,                              -- the thread / forum post / channel holding the place
    message_id         BIGINT,                              -- set for a single-message place
    card_message_id    BIGINT,                              -- the issue card Loop posted there, if any
    url                VARCHAR(500) NOT NULL,
    title              VARCHAR(200),
    added_by           BIGINT       NOT NULL,
    added_at           BIGINT       NOT NULL,
    UNIQUE (issue_number, url)
);
CREATE INDEX issue_place_channel ON issue_place (channel_id);
CREATE INDEX issue_place_card ON issue_place (card_message_id);

-- The distinct people who asked. how: author | message_author | link | me_too | blocks_me | reaction | hint | manual
CREATE TABLE requester (
    id                 INTEGER      NOT NULL PRIMARY KEY,
    issue_number       INTEGER      NOT NULL REFERENCES issue (number),
    origin_issue       INTEGER      NOT NULL REFERENCES issue (number),
    user_id            BIGINT       NOT NULL,
    how                VARCHAR(16)  NOT NULL,
    place_id           INTEGER      REFERENCES issue_place (id),
    added_by           BIGINT       NOT NULL,
    added_at           BIGINT       NOT NULL,
    UNIQUE (issue_number, user_id)
);
CREATE INDEX requester_user ON requester (user_id);

-- What was said, copied at capture/link time so the record survives deleted or archived threads.
CREATE TABLE transcript_message (
    id                 INTEGER      NOT NULL PRIMARY KEY,
    issue_number       INTEGER      NOT NULL REFERENCES issue (number),
    origin_issue       INTEGER      NOT NULL REFERENCES issue (number),
    place_id           INTEGER      REFERENCES issue_place (id),
    message_id         BIGINT       NOT NULL,
    author_id          BIGINT       NOT NULL,
    author_name        VARCHAR(100) NOT NULL,
    posted_at          BIGINT       NOT NULL,
    content            TEXT         NOT NULL,
    attachment_urls    TEXT,                                -- newline separated
    UNIQUE (issue_number, message_id)
);

-- Every change, with who did it (NULL actor = Loop itself) and when.
CREATE TABLE issue_history (
    id                 INTEGER      NOT NULL PRIMARY KEY,
    issue_number       INTEGER      NOT NULL REFERENCES issue (number),
    origin_issue       INTEGER      NOT NULL REFERENCES issue (number),
    at                 BIGINT       NOT NULL,
    actor_id           BIGINT,
    type               VARCHAR(32)  NOT NULL,
    detail             TEXT         NOT NULL
);
CREATE INDEX issue_history_issue ON issue_history (issue_number, at);

-- One press of "This blocks me" per person per issue.
CREATE TABLE blocker_press (
    issue_number       INTEGER      NOT NULL REFERENCES issue (number),
    user_id            BIGINT       NOT NULL,
    at                 BIGINT       NOT NULL,
    PRIMARY KEY (issue_number, user_id)
);

-- Proposed solutions and what the requesters said of them.
CREATE TABLE proposal (
    id                 INTEGER      NOT NULL PRIMARY KEY,
    issue_number       INTEGER      NOT NULL REFERENCES issue (number),
    solution           TEXT         NOT NULL,
    snippet            TEXT,
    proposed_by        BIGINT       NOT NULL,
    proposed_at        BIGINT       NOT NULL
);
CREATE TABLE proposal_answer (
    proposal_id        INTEGER      NOT NULL REFERENCES proposal (id),
    user_id            BIGINT       NOT NULL,
    solves             BOOLEAN      NOT NULL,
    at                 BIGINT       NOT NULL,
    PRIMARY KEY (proposal_id, user_id)
);

-- Releases and what they shipped.
CREATE TABLE release (
    id                 INTEGER      NOT NULL PRIMARY KEY,
    version            VARCHAR(64)  NOT NULL UNIQUE,
    notes              TEXT         NOT NULL,
    snippet            TEXT,
    published_by       BIGINT       NOT NULL,
    published_at       BIGINT       NOT NULL,
    announcement_state VARCHAR(16)  NOT NULL,               -- pending | delivered | failed
    announcement_nonce VARCHAR(25)  NOT NULL,
    announcement_channel_id BIGINT,
    announcement_message_id BIGINT
);
CREATE TABLE release_issue (
    release_id         INTEGER      NOT NULL REFERENCES release (id),
    issue_number       INTEGER      NOT NULL REFERENCES issue (number),
    PRIMARY KEY (release_id, issue_number)
);

-- The persisted notice outbox: one row per (release, requester, target). A target is a thread (route thread) or the
-- person's DM (route dm, target_channel_id NULL until opened). Rows sent together share a nonce.
CREATE TABLE notice (
    id                 INTEGER      NOT NULL PRIMARY KEY,
    release_id         INTEGER      NOT NULL REFERENCES release (id),
    user_id            BIGINT       NOT NULL,
    route              VARCHAR(16)  NOT NULL,               -- thread | dm
    target_channel_id  BIGINT,
    state              VARCHAR(16)  NOT NULL,               -- pending | delivered | fell_back | failed
    outcome_route      VARCHAR(16),                         -- where it was finally delivered
    attempts           INTEGER      NOT NULL DEFAULT 0,
    last_error         TEXT,
    nonce              VARCHAR(25),
    sent_message_id    BIGINT,
    next_attempt_at    BIGINT       NOT NULL,
    updated_at         BIGINT       NOT NULL,
    UNIQUE (release_id, user_id, route, target_channel_id)
);
CREATE INDEX notice_pending ON notice (state, next_attempt_at);

-- The docs/copy review checklist posted after a release. issue_number NULL = the announcement text itself.
CREATE TABLE docs_review_item (
    id                 INTEGER      NOT NULL PRIMARY KEY,
    release_id         INTEGER      NOT NULL REFERENCES release (id),
    issue_number       INTEGER      REFERENCES issue (number),
    channel_id         BIGINT,
    message_id         BIGINT,
    reviewed_by        BIGINT,
    reviewed_at        BIGINT
);

-- Every thread or forum post opened in a support channel.
CREATE TABLE support_thread (
    thread_id          BIGINT       NOT NULL PRIMARY KEY,
    guild_id           BIGINT       NOT NULL,
    parent_channel_id  BIGINT       NOT NULL,
    author_id          BIGINT       NOT NULL,
    title              VARCHAR(200) NOT NULL,
    tags               VARCHAR(500),                        -- comma separated forum tag names
    created_at         BIGINT       NOT NULL,
    first_engineer_reply_at BIGINT,
    first_engineer_id  BIGINT,
    captured_issue     INTEGER      REFERENCES issue (number)
);
CREATE INDEX support_thread_created ON support_thread (created_at);

-- "Looks like #N" hints posted to the team channel.
CREATE TABLE similarity_hint (
    id                 INTEGER      NOT NULL PRIMARY KEY,
    thread_id          BIGINT       NOT NULL REFERENCES support_thread (thread_id),
    issue_number       INTEGER      NOT NULL REFERENCES issue (number),
    message_id         BIGINT,
    state              VARCHAR(16)  NOT NULL,               -- open | linked | ignored
    decided_by         BIGINT,
    decided_at         BIGINT,
    created_at         BIGINT       NOT NULL,
    UNIQUE (thread_id, issue_number)
);

-- [jooq ignore start]
-- Full-text index over titles, summaries and transcripts; rowid = issue number. Kept up to date by IssueStore.
CREATE VIRTUAL TABLE IF NOT EXISTS issue_fts USING fts5(title, summary, transcript, tokenize = 'unicode61 remove_diacritics 2');
-- [jooq ignore stop]

-- version 2

-- Naming votes run as native Discord polls.
CREATE TABLE naming_poll (
    id                 INTEGER      NOT NULL PRIMARY KEY,
    channel_id         BIGINT       NOT NULL,
    message_id         BIGINT,
    proposal           VARCHAR(55)  NOT NULL,
    alternative1       VARCHAR(55)  NOT NULL,
    alternative2       VARCHAR(55)  NOT NULL,
    reason             TEXT,
    created_by         BIGINT       NOT NULL,
    created_at         BIGINT       NOT NULL,
    closes_at          BIGINT       NOT NULL,
    result_posted_at   BIGINT,
    result             TEXT
);

-- Scheduled routines (weekly report, daily promise note) record each period they ran for, so a restart never
-- posts twice.
CREATE TABLE routine_run (
    name               VARCHAR(64)  NOT NULL,
    period_key         VARCHAR(64)  NOT NULL,
    ran_at             BIGINT       NOT NULL,
    PRIMARY KEY (name, period_key)
);

-- version 3

-- [jooq ignore start]
-- How many issues each indexed word appears in. Duplicate search reads it to query a new post's most telling words
-- only: words in most issues say little about which issue it duplicates, and cost the most to rank.
CREATE VIRTUAL TABLE IF NOT EXISTS issue_fts_vocab USING fts5vocab(issue_fts, 'row');
-- [jooq ignore stop]

-- version 4

-- GitHub people who asked (👍 or a comment on a linked GitHub issue) are requesters like Discord's. Their user_id is
-- the negative of their GitHub account id (Discord ids are positive), so the existing UNIQUE (issue_number, user_id)
-- counts each GitHub account once per issue; the login is what is shown.
ALTER TABLE requester ADD COLUMN github_login VARCHAR(100);

-- One GitHub issue per Loop issue. state: creating (a create request may have been sent; look for the hidden
-- marker before creating again) | created. What the GitHub body last showed is stamped with the issue's revision and
-- its newest history and transcript rows: a proposal, an answer or new transcript lines add rows without a revision
-- (the revision is also the token that makes triage buttons stale, so it moves only with the issue row itself).
CREATE TABLE github_issue (
    issue_number       INTEGER      NOT NULL PRIMARY KEY REFERENCES issue (number),
    state              VARCHAR(16)  NOT NULL,
    github_number      INTEGER,
    url                VARCHAR(500),
    exported_revision  INTEGER      NOT NULL DEFAULT -1,
    exported_history   INTEGER      NOT NULL DEFAULT 0,
    exported_transcript INTEGER     NOT NULL DEFAULT 0,
    exported_at        BIGINT,
    attempts           INTEGER      NOT NULL DEFAULT 0,
    next_attempt_at    BIGINT       NOT NULL DEFAULT 0,
    last_error         TEXT,
    shipped_version    VARCHAR(64),                         -- the version whose ship comment (and close) is done
    created_at         BIGINT       NOT NULL,
    updated_at         BIGINT       NOT NULL
);
CREATE UNIQUE INDEX github_issue_number ON github_issue (github_number);

-- version 5

-- Inbound events already acted on, by their identity (interaction:<id>). Discord may deliver an event twice (a RESUME
-- replays what it thinks was missed, reconnects overlap): a second delivery finds its row and is dropped. Rows older
-- than a day are pruned; Discord never replays that far back.
CREATE TABLE handled_event (
    event_key          VARCHAR(100) NOT NULL PRIMARY KEY,
    handled_at         BIGINT       NOT NULL
);
CREATE INDEX handled_event_at ON handled_event (handled_at);

-- The source each capture was made from, so one support thread or message becomes one issue however many times
-- (and however concurrently) the capture is delivered. source: thread:<channel id> | message:<message id>.
-- issue_number is the issue first made from it (a later merge leaves it pointing at the duplicate).
CREATE TABLE capture_source (
    source             VARCHAR(40)  NOT NULL PRIMARY KEY,
    issue_number       INTEGER      NOT NULL REFERENCES issue (number)
);

-- [jooq ignore start]
-- Existing captures: each issue's first place (what the capture stored) names its source; if two issues were made
-- from one source before this section, the older keeps the key and both issues stay.
INSERT OR IGNORE INTO capture_source (source, issue_number)
    SELECT CASE WHEN p.message_id IS NULL THEN 'thread:' || p.channel_id ELSE 'message:' || p.message_id END,
           p.origin_issue
    FROM issue_place p
    WHERE p.kind <> 'github' AND p.channel_id IS NOT NULL
      AND p.id = (SELECT MIN(q.id) FROM issue_place q WHERE q.origin_issue = p.origin_issue)
    ORDER BY p.id;
-- [jooq ignore stop]

-- version 6

-- Where the current priority came from: flowchart (the triage questions) | engineer (set by hand: a reaction or a
-- command) | bump (the automatic "brought up before" Low → High) | blocker (someone pressed This blocks me); null
-- while untriaged. Only a Low that came from the flowchart is bumped automatically: an engineer's decision stands
-- until an engineer changes it. Rows triaged before this column existed were set by the flowchart when they carry
-- its answers, by hand otherwise.
ALTER TABLE issue ADD COLUMN priority_source VARCHAR(16);
UPDATE issue SET priority_source = CASE
        WHEN priority = 'untriaged' THEN NULL
        WHEN triage_answers IS NOT NULL THEN 'flowchart'
        ELSE 'engineer' END;

-- The one team-channel alert per issue that it became Fix it now: later This blocks me presses edit it with the
-- count instead of pinging again.
CREATE TABLE fix_now_alert (
    issue_number  INTEGER  NOT NULL PRIMARY KEY REFERENCES issue (number),
    channel_id    BIGINT   NOT NULL,
    message_id    BIGINT   NOT NULL,
    text          TEXT     NOT NULL,                        -- the alert as first posted, before the count
    presses       INTEGER  NOT NULL DEFAULT 0,              -- further presses since it was posted
    posted_at     BIGINT   NOT NULL
);

-- version 7

-- The pull requests that close a Loop issue's GitHub issue, one row per (pull request, Loop issue). state: working
-- (open and ready for review; the issue was set in progress) | merged (the issue is fixed, waiting for a release) |
-- closed (closed unmerged; the issue went back to status_before). told_at is set once the requesters heard that
-- work started, so an edit, a reopen or a restart never tells them twice. merge_sha is what a release tag must
-- contain for the issue to be part of that release.
CREATE TABLE github_pull (
    pull_number        INTEGER      NOT NULL,
    issue_number       INTEGER      NOT NULL REFERENCES issue (number),
    state              VARCHAR(16)  NOT NULL,
    url                VARCHAR(500) NOT NULL,
    author_login       VARCHAR(100),
    status_before      VARCHAR(16)  NOT NULL,
    told_at            BIGINT,
    merge_sha          VARCHAR(64),
    merged_at          BIGINT,
    updated_at         BIGINT       NOT NULL,
    PRIMARY KEY (pull_number, issue_number)
);
CREATE INDEX github_pull_issue ON github_pull (issue_number);

-- When an issue's fix was merged (status fixed): the KPIs take "merged → released" from it to shipped_at.
ALTER TABLE issue ADD COLUMN fixed_at BIGINT;

-- Releases published on GitHub that Loop has offered as a release preview (one row each, so a release is offered once,
-- even across restarts).
CREATE TABLE github_release (
    release_id         BIGINT       NOT NULL PRIMARY KEY,
    tag                VARCHAR(200) NOT NULL,
    offered_at         BIGINT       NOT NULL
);

-- Release previews offered from outside /release (a GitHub release): the team channel message with Publish and
-- Cancel. source_key is unique, so offering the same release again changes nothing. state: offered | published |
-- cancelled. issues: the issue numbers, space separated.
CREATE TABLE release_offer (
    id                 INTEGER      PRIMARY KEY AUTOINCREMENT,
    source_key         VARCHAR(200) NOT NULL UNIQUE,
    version            VARCHAR(64)  NOT NULL,
    issues             TEXT         NOT NULL,
    notes              TEXT         NOT NULL,
    snippet            TEXT,
    state              VARCHAR(16)  NOT NULL,
    message_id         BIGINT,
    created_at         BIGINT       NOT NULL
);

-- version 8

-- "Doesn't solve it" asks the requester what is still missing. missing is their answer (plain text, shown
-- literally); owner_told_at is set in the same transaction that decides to tell the owner (or the team channel), so a
-- second press, a changed answer or a restart never tells them twice about the same person and proposal.
ALTER TABLE proposal_answer ADD COLUMN missing TEXT;
ALTER TABLE proposal_answer ADD COLUMN owner_told_at BIGINT;

-- version 9

-- A release preview offered from GitHub can be edited before it is published (Edit: version, notes, snippet, issues);
-- revision counts the edits, and its Publish, Edit and Cancel buttons carry it, so a press on an older preview is
-- refused. release_id is the release its Publish made (set in the publish transaction, so a restart never publishes
-- an offer twice).
ALTER TABLE release_offer ADD COLUMN revision INTEGER NOT NULL DEFAULT 0;
ALTER TABLE release_offer ADD COLUMN release_id INTEGER;

-- Set at publish when GitHub is configured: the release's docs/copy review goes to GitHub as one issue instead of
-- the team-channel checklist.
ALTER TABLE release ADD COLUMN review_on_github INTEGER NOT NULL DEFAULT 0;

-- The GitHub issue "Docs and copy to review for vX.Y.Z" of a release. state: creating (written before the create,
-- so after a crash Loop looks for the hidden <!-- loop:review:R --> marker before creating again) | created.
-- told_at: the team channel got its link.
CREATE TABLE github_review (
    release_id         INTEGER      NOT NULL PRIMARY KEY,
    version            VARCHAR(64)  NOT NULL,
    state              VARCHAR(16)  NOT NULL,
    github_number      INTEGER,
    url                VARCHAR(500),
    attempts           INTEGER      NOT NULL DEFAULT 0,
    next_attempt_at    BIGINT       NOT NULL DEFAULT 0,
    told_at            BIGINT,
    updated_at         BIGINT       NOT NULL
);

-- version 10

-- GitHub issues linked to a Loop issue besides its own (/link #123, a "New on GitHub" hint's Link): a place of the
-- issue whose author and 👍 reactors are requesters. One Loop issue per GitHub issue: a GitHub issue that is some
-- issue's own (github_issue) is never linked here.
CREATE TABLE github_link (
    github_number      INTEGER      NOT NULL PRIMARY KEY,
    issue_number       INTEGER      NOT NULL REFERENCES issue (number),
    url                VARCHAR(500) NOT NULL,
    linked_by          BIGINT,
    linked_at          BIGINT       NOT NULL
);
CREATE INDEX github_link_issue ON github_link (issue_number);

-- New GitHub issues offered to the team as "New on GitHub" hints, one row each, so each is offered once, even across
-- restarts. state: offered | captured | linked | ignored. suggested is the issue the duplicate search proposed;
-- issue_number the issue it was captured as or linked to. The row with github_number 0 is the watermark: issues up to
-- its suggested number existed when hints started and are never offered.
CREATE TABLE github_hint (
    github_number      INTEGER      NOT NULL PRIMARY KEY,
    title              VARCHAR(300) NOT NULL,
    url                VARCHAR(500) NOT NULL,
    suggested          INTEGER,
    message_id         BIGINT,
    state              VARCHAR(16)  NOT NULL,
    issue_number       INTEGER,
    resolved_by        BIGINT,
    created_at         BIGINT       NOT NULL,
    resolved_at        BIGINT
);

-- version 11

-- The design thread Loop opened in the team channel for an issue that needs design (one per issue, however often
-- Needs design is pressed, and across restarts: the row is claimed before the thread is made). thread_id is null
-- only while the thread is being made. leadership_pinged_at is set in the statement that decides to ping the
-- on-call leadership role for a Fix it now issue, so the role is pinged at most once.
CREATE TABLE design_thread (
    issue_number          INTEGER      NOT NULL PRIMARY KEY REFERENCES issue (number),
    channel_id            BIGINT       NOT NULL,
    thread_id             BIGINT,
    opened_by             BIGINT       NOT NULL,
    opened_at             BIGINT       NOT NULL,
    leadership_pinged_at  BIGINT
);

-- A naming vote says why: reason is why the proposed name, like1 and like2 what its proposer likes about each
-- alternative. issue_number (optional) ties the vote to an issue, whose history records the winner when it closes.
ALTER TABLE naming_poll ADD COLUMN like1 TEXT;
ALTER TABLE naming_poll ADD COLUMN like2 TEXT;
ALTER TABLE naming_poll ADD COLUMN issue_number INTEGER REFERENCES issue (number);

-- Names the team suggested with Suggest another while a vote was open (Discord polls can't take new answers): each
-- is a reply to the poll, and its 👍 reactions are its votes in the result. name_key is the name in lower case, so a
-- name is suggested once per vote.
CREATE TABLE naming_suggestion (
    id                 INTEGER      NOT NULL PRIMARY KEY,
    poll_id            INTEGER      NOT NULL REFERENCES naming_poll (id),
    name               VARCHAR(55)  NOT NULL,
    name_key           VARCHAR(55)  NOT NULL,
    reason             TEXT         NOT NULL,
    suggested_by       BIGINT       NOT NULL,
    suggested_at       BIGINT       NOT NULL,
    message_id         BIGINT,
    UNIQUE (poll_id, name_key)
);

-- The goals the team set for its KPIs (/stats goal), one per metric and area ('' = the whole team). target is a
-- duration in milliseconds, a percentage or a count, as the metric says; the weekly and monthly reports compare each
-- KPI with its goal.
CREATE TABLE kpi_goal (
    metric             VARCHAR(32)  NOT NULL,
    area               VARCHAR(100) NOT NULL,
    target             BIGINT       NOT NULL,
    set_by             BIGINT       NOT NULL,
    set_at             BIGINT       NOT NULL,
    PRIMARY KEY (metric, area)
);

-- version 12

-- What each requester was last told about an issue's timeline, and what they were told before that, so a change is
-- told only when it is news to them (see dev.loop.issue.TimelineNews): never the same priority twice, never a
-- change undone within a day. A requester who joins a triaged issue has seen its card, so they start out having
-- heard its priority then. priority / before_priority: priority codes; promised: 1 when that priority made a promise.
CREATE TABLE timeline_heard (
    issue_number       INTEGER      NOT NULL REFERENCES issue (number),
    user_id            BIGINT       NOT NULL,
    priority           VARCHAR(16)  NOT NULL,
    promised           INTEGER      NOT NULL,
    heard_at           BIGINT       NOT NULL,
    before_priority    VARCHAR(16),
    before_promised    INTEGER,
    before_at          BIGINT,
    PRIMARY KEY (issue_number, user_id)
);

-- A support thread that was archived or deleted leaves /inbox (and the unanswered count) while it stays so: when
-- it left, or null while it is open.
ALTER TABLE support_thread ADD COLUMN left_inbox_at BIGINT;

-- version 13

-- When Discord last edited the copied message (its edited_timestamp, epoch millis; NULL = never edited or not known).
-- An edit is applied only if it is newer than this, so an older MESSAGE_UPDATE delivered late (a RESUME replay, an
-- overlapping reconnect) never puts old words back into a transcript.
ALTER TABLE transcript_message ADD COLUMN edited_at BIGINT;

-- version 14

-- Threads waiting longer than watch.nudge-after: the one team-channel message Loop keeps edited with their list
-- (one row, id 1), and the DM each thread's area owner got about it, so no owner is told twice about a thread,
-- across restarts.
CREATE TABLE nudge_board (
    id                 INTEGER      PRIMARY KEY,
    channel_id         BIGINT       NOT NULL,
    message_id         BIGINT       NOT NULL
);

CREATE TABLE nudge_dm (
    thread_id          BIGINT       PRIMARY KEY,
    owner_id           BIGINT       NOT NULL,
    sent_at            BIGINT       NOT NULL
);

-- version 15

-- The triage prompt each capture owes the engineer who captured it, recorded right after it was sent (triage is its
-- one writer). At start, an active, untriaged issue made by a capture with no row here gets its prompt by DM, unless
-- Loop's prompt of that issue is already among the DM's newest messages (sent just before a stop): that one is
-- recorded instead. route: ephemeral (the answer to the capture) | dm | team (the DM was refused and the team channel
-- was told to run /issue triage) | earlier (the issue existed before this table). channel_id and message_id name the
-- prompt when Loop knows it.
CREATE TABLE triage_prompt (
    issue_number       INTEGER      NOT NULL PRIMARY KEY REFERENCES issue (number),
    route              VARCHAR(16)  NOT NULL,
    channel_id         BIGINT,
    message_id         BIGINT,
    sent_at            BIGINT       NOT NULL
);

-- Every issue made before this section was asked about (or had no prompt by design) in its own time: none is owed.
-- [jooq ignore start]
INSERT INTO triage_prompt (issue_number, route, sent_at) SELECT number, 'earlier', created_at FROM issue;
-- [jooq ignore stop]

-- version 16

-- A place whose issue card was still owed (Loop stopped between storing the place and posting its card) but whose
-- thread a later start found deleted or hidden from Loop: when that start gave the card up, or NULL. Without it every
-- start would ask Discord about the same vanished thread again, however long ago it went.
ALTER TABLE issue_place ADD COLUMN card_given_up_at BIGINT;
