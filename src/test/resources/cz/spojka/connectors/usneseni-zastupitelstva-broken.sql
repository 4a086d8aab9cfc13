-- The agenda database of connectors/usneseni-zastupitelstva/samples/usneseni-plasy.sql with two broken copies of
-- its real row, for UsneseniZastupitelstvaConnectorTest: vote 1-13-2 has a result outside the codelist of vote
-- results, vote 1-13-3 a negative count. Both must fail the SHACL gate; the real row 1-13-1 must pass.
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

INSERT INTO vote_events (id, session_number, session_date, motion_id, motion_text, result, yes_count, changed_at)
VALUES ('1-13-1', 1, DATE '2018-10-30', '1-13',
        'Zastupitelstvo schvaluje měsíční odměnu pro neuvolněné členy zastupitelstva ve výši 600 Kč.',
        'pass', NULL, TIMESTAMP '2018-10-30 00:00:00'),
       ('1-13-2', 1, DATE '2018-10-30', '1-13',
        'Zastupitelstvo schvaluje měsíční odměnu pro neuvolněné členy zastupitelstva ve výši 600 Kč.',
        'adopted', NULL, TIMESTAMP '2018-10-30 00:00:00'),
       ('1-13-3', 1, DATE '2018-10-30', '1-13',
        'Zastupitelstvo schvaluje měsíční odměnu pro neuvolněné členy zastupitelstva ve výši 600 Kč.',
        'pass', -1, TIMESTAMP '2018-10-30 00:00:00');
