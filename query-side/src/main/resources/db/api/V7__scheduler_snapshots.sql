-- Not a view: snapshots of a scheduler replica's in-memory host states, each with the position in
-- the stores' streams it was taken at, so a new replica replays only what came after
-- (infra's SchedulerSnapshots). Only the newest few are kept; losing them only costs a full replay.
CREATE TABLE scheduler_snapshot (
    id                 BIGSERIAL    PRIMARY KEY,
    taken_at           TIMESTAMPTZ  NOT NULL,
    events             BIGINT       NOT NULL,
    token_type         VARCHAR(255) NOT NULL,
    token              BYTEA        NOT NULL,
    state_type         VARCHAR(255) NOT NULL,
    state              BYTEA        NOT NULL
);
