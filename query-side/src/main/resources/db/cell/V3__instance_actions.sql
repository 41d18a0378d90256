-- Nova's instance actions (os-instance-actions) of a cell's instances, built by InstanceActionProjection.
CREATE TABLE instance_action (
    request_id   VARCHAR(64)  PRIMARY KEY,
    instance_id  VARCHAR(64)  NOT NULL,
    action       VARCHAR(32)  NOT NULL,
    user_id      VARCHAR(255),
    project_id   VARCHAR(255),
    start_time   TIMESTAMPTZ  NOT NULL,
    message      TEXT
);

CREATE INDEX instance_action_by_instance ON instance_action (instance_id, start_time DESC);

CREATE TABLE instance_action_event (
    request_id   VARCHAR(64)  NOT NULL REFERENCES instance_action (request_id) ON DELETE CASCADE,
    event        VARCHAR(64)  NOT NULL,
    start_time   TIMESTAMPTZ  NOT NULL,
    finish_time  TIMESTAMPTZ,
    result       VARCHAR(16),
    traceback    TEXT,
    PRIMARY KEY (request_id, event)
);

-- The image a rebuild under way will leave the instance with.
ALTER TABLE instance_view ADD COLUMN rebuild_image_id VARCHAR(255);
