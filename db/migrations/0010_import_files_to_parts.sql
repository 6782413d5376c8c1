-- Files uploaded before 0009 move from base64 text into 1 MiB binary parts (then 0011 drops the column).
INSERT INTO "import_file_parts" ("batch_id", "part", "bytes")
SELECT b."id", p.n, substring(f.bytes FROM p.n * 1048576 + 1 FOR 1048576)
FROM "import_batches" b
CROSS JOIN LATERAL (SELECT decode(b."file_base64", 'base64') AS bytes) f
CROSS JOIN LATERAL generate_series(0, greatest((length(f.bytes) - 1) / 1048576, 0)) AS p(n);
