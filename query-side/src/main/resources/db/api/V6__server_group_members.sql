-- The members of each server group, in the order they were placed, built by ServerGroupViewProjection.
CREATE TABLE server_group_member_view (
    group_id           VARCHAR(64)  NOT NULL,
    instance_id        VARCHAR(64)  NOT NULL,
    placed_at          TIMESTAMPTZ  NOT NULL,
    PRIMARY KEY (group_id, instance_id)
);
