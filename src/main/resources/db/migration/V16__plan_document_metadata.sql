-- What the published document says about itself (政务公开): 文号, 索引号 and 发文日期, as the import read them.
alter table plan add column doc_number varchar(100);
alter table plan add column index_number varchar(100);
alter table plan add column issued_on date;
