-- Each user's colour scheme from the user menu (issue 23), applied on every page they load. No row, or SYSTEM,
-- follows the operating system's light or dark setting.
CREATE TABLE user_themes (
    username VARCHAR PRIMARY KEY,
    theme    VARCHAR NOT NULL CHECK (theme IN ('SYSTEM', 'LIGHT', 'DARK'))
);
