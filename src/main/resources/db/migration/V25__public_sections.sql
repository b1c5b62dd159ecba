-- Issue 14, "The public portal goes as deep as the office publishes".
-- Besides the overview, the office chooses what of a public plan the portal shows: its tasks, its indicators with
-- their trajectories, the published unit rankings, the issued bulletins (a comma list of cn.gongfu.plan.PublicSection
-- codes; null is the overview alone). Plans already public keep what the portal showed of them: overview and rankings.
alter table plan add column public_sections varchar(100);
update plan set public_sections = 'rankings' where public_since is not null;
