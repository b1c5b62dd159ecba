package cn.gongfu.plan;

import cn.gongfu.indicator.TargetView;
import java.util.List;

/** Everything about one task: where it sits in its plan, who is responsible (units, and the lead officials: people), its systems, milestones and targets. */
public record TaskDetail(
        long id,
        long planId,
        String planTitle,
        List<Section> sectionPath,
        String list,
        String code,
        String category,
        String group,
        String title,
        String text,
        List<UnitRef> leadUnits,
        List<UnitRef> coUnits,
        String targetSystem,
        String workSystem,
        String policySystem,
        String evaluationSystem,
        List<Milestone> milestones,
        List<TargetView> targets,
        List<String> leadOfficials) {}
