-- The cell-local view of instances, built by InstanceViewProjection from the cell's events.
CREATE TABLE instance_view (
    instance_id    VARCHAR(64)  PRIMARY KEY,
    name           VARCHAR(255) NOT NULL,
    project_id     VARCHAR(255) NOT NULL,
    user_id        VARCHAR(255) NOT NULL,
    cell           VARCHAR(64)  NOT NULL,
    host           VARCHAR(255),
    flavor_id      VARCHAR(255) NOT NULL,
    image_id       VARCHAR(255) NOT NULL,
    metadata       TEXT         NOT NULL,
    vm_state       VARCHAR(32)  NOT NULL,
    task_state     VARCHAR(32),
    power_state    INTEGER      NOT NULL,
    fault_code     INTEGER,
    fault_message  TEXT,
    fault_details  TEXT,
    fault_created  TIMESTAMPTZ,
    created_at     TIMESTAMPTZ  NOT NULL,
    updated_at     TIMESTAMPTZ  NOT NULL,
    launched_at    TIMESTAMPTZ,
    deleted_at     TIMESTAMPTZ
);

CREATE INDEX instance_view_listing ON instance_view (project_id, created_at DESC, instance_id DESC)
    WHERE deleted_at IS NULL;
CREATE INDEX instance_view_listing_all ON instance_view (created_at DESC, instance_id DESC)
    WHERE deleted_at IS NULL;
