package cn.gongfu.plan;

import java.util.List;

/** A task as listed: code, title and who leads it. */
public record TaskSummary(
        long id,
        long planId,
        String planTitle,
        Long sectionId,
        String list,
        String code,
        String category,
        String group,
        String title,
        List<UnitRef> leadUnits,
        List<UnitRef> coUnits) {}
