-- Key pairs as os-keypairs shows them, built by KeyPairViewProjection in the transaction of the command
-- that creates or deletes one. key_pair_id is the key pair's aggregate (one per user and name), id is
-- Nova's integer id; a user's key pairs are listed by name, compared by code point.
CREATE TABLE key_pair_view (
    key_pair_id        VARCHAR(64)  PRIMARY KEY,
    id                 BIGSERIAL    NOT NULL UNIQUE,
    user_id            VARCHAR(255) COLLATE "C" NOT NULL,
    name               VARCHAR(255) COLLATE "C" NOT NULL,
    type               VARCHAR(16)  NOT NULL,
    public_key         TEXT         NOT NULL,
    fingerprint        VARCHAR(255) NOT NULL,
    created_at         TIMESTAMPTZ  NOT NULL,
    UNIQUE (user_id, name)
);
