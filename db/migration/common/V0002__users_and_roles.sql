-- Console users (bcrypt hashes only) and their roles. A user who validates is linked to a row of
-- `validators`, whose verification_level decides what the user may fully validate.
CREATE SEQUENCE app_users_seq START 1;
CREATE TABLE app_users (
    user_id       INTEGER PRIMARY KEY DEFAULT nextval('app_users_seq'),
    username      VARCHAR NOT NULL UNIQUE CHECK (length(username) BETWEEN 2 AND 64),
    password_hash VARCHAR NOT NULL CHECK (password_hash LIKE '{bcrypt}%'),
    display_name  VARCHAR,
    validator_id  INTEGER, -- references validators(validator_id)
    enabled       BOOLEAN NOT NULL DEFAULT true,
    created_at    TIMESTAMP NOT NULL
);

CREATE TABLE user_roles (
    user_id INTEGER NOT NULL, -- references app_users(user_id)
    role    VARCHAR NOT NULL CHECK (role IN ('VIEWER', 'EDITOR', 'VALIDATOR', 'ADMIN')),
    PRIMARY KEY (user_id, role)
);
