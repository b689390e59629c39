-- "Since your last visit" (issue 19): each user's latest sign-in and the one before it. The panel shown after a
-- sign-in lists the watched changes since previous_sign_in; null there means this is the user's first sign-in.
CREATE TABLE user_visits (
    username         VARCHAR PRIMARY KEY,
    last_sign_in     TIMESTAMP NOT NULL,  -- UTC
    previous_sign_in TIMESTAMP            -- UTC
);
