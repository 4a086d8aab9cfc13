-- The agenda database of the municipal council of Plasy (Město Plasy, IČO 00258245, RÚIAN 559351) as the demo
-- connector usneseni-zastupitelstva reads it: the table vote_events, one row per vote, each row repeating the
-- meeting and the resolution it belongs to. Its columns follow the keys of the withdrawn OFN draft "Hlasování"
-- (vote_event, motion, count), flattened into one row.
--
-- The one row is the draft's only municipal example (příklady/návrh-jednoduchý.json): resolution 1-13 of the
-- Plasy council of 2018-10-30 and its vote 1-13-1, result "pass". Not in the example, and set here: the meeting
-- number 1 (read from the resolution number 1-13), the vote's result taken from the resolution's, and changed_at
-- (the agenda system's time of change), set to the meeting day. The example gives no vote counts: they stay NULL.
--
-- Written in SQL that PostgreSQL and H2 in PostgreSQL mode both accept, and idempotent: H2 runs it on every new
-- connection of the demo pool (INIT=RUNSCRIPT in connector.yaml).
CREATE TABLE IF NOT EXISTS vote_events (
    id             VARCHAR(64)   PRIMARY KEY,
    session_number INTEGER,
    session_date   DATE          NOT NULL,
    motion_id      VARCHAR(64),
    motion_text    VARCHAR(4000),
    result         VARCHAR(16)   NOT NULL,
    yes_count      INTEGER,
    no_count       INTEGER,
    abstain_count  INTEGER,
    present        INTEGER,
    changed_at     TIMESTAMP     NOT NULL
);

INSERT INTO vote_events (id, session_number, session_date, motion_id, motion_text, result, changed_at)
VALUES ('1-13-1', 1, DATE '2018-10-30', '1-13',
        'Zastupitelstvo schvaluje měsíční odměnu pro neuvolněné členy zastupitelstva ve výši 600 Kč.',
        'pass', TIMESTAMP '2018-10-30 00:00:00')
ON CONFLICT DO NOTHING;
