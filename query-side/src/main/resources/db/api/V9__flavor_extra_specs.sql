-- Each flavor's extra specs (os-extra_specs), built by FlavorViewProjection.
CREATE TABLE flavor_extra_spec_view (
    flavor_id      VARCHAR(255) NOT NULL,
    spec_key       VARCHAR(255) COLLATE "C" NOT NULL,
    spec_value     VARCHAR(255) NOT NULL,
    PRIMARY KEY (flavor_id, spec_key)
);
