-- 0002: indexes a merge can keep up to date cheaply (docs/performance.md, court merge).
--
-- Each merged file inserts a month of one point. An index whose key starts with the record id
-- (a random UUID) or the visitor key (a random hash) puts every inserted row on a different page
-- of one large B-tree: at 200,000 merged rows a 1,000-row file dirtied ~1,500 index pages, all of
-- which the file's commit wrote to the WAL and fsynced (the commit grew from 13 to 36 ms per file,
-- more than the rows themselves cost).
--
-- * `*_id (id)` served one query only, "records of this batch that the court also holds for
--   another month of the same point" (`CourtRepository.ids_in_other_months`), which always has
--   the point: `(point_code, id)` serves it as well, and a file's rows land in its own point's
--   part of the index.
-- * `court_consultation_visitor (visitor_key)` served no query (the visitor figures are read per
--   month through `court_consultation_period`; EXPLAIN QUERY PLAN shows no use of it).
DROP INDEX court_consultation_visitor;

DROP INDEX court_consultation_id;
CREATE INDEX court_consultation_point_id ON court_consultation (point_code, id);

DROP INDEX court_session_id;
CREATE INDEX court_session_point_id ON court_session (point_code, id);

DROP INDEX court_visit_id;
CREATE INDEX court_visit_point_id ON court_visit (point_code, id);

DROP INDEX court_shift_id;
CREATE INDEX court_shift_point_id ON court_shift (point_code, id);
