-- The people who lead a task (牵头负责领导, 分管领导, 责任人), as the document names them, joined by 、. People are not
-- units: they get no rows of their own, nobody reports as them, so one column on the task is enough.
alter table task add column lead_officials varchar(1000);
