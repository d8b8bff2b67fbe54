-- The tutorial's schema. Applied at start under an advisory lock, so any number of instances
-- starting at once apply it exactly once; IF NOT EXISTS makes every later start a no-op.
CREATE TABLE IF NOT EXISTS messages (
  id SERIAL PRIMARY KEY,
  username TEXT NOT NULL,
  text TEXT NOT NULL,
  timestamp TIMESTAMP DEFAULT now()
);
