-- Issue 13: the office says what a table column holds where the reader misread it, and the document is re-read with
-- it. One choice per line, "headerLine:column=ROLE" (ColumnRoles); only choices that differ from the reader's own.
alter table import_job add column column_roles text;
