-- A counter that every change to a key (PATCH, DELETE) raises in its own transaction. Each gateway
-- instance reads it every second and, when it moved, forgets the keys it had cached, so a key that
-- is disabled, deleted or limited through one instance is refused by the others within about a
-- second instead of when their cache entry expires. One row, read by primary key: cheap.
CREATE TABLE key_changes (
  id       INTEGER NOT NULL PRIMARY KEY,
  version  BIGINT  NOT NULL
);
INSERT INTO key_changes (id, version) VALUES (1, 0);
