package cn.gongfu.project;

import cn.gongfu.kernel.TableWorkbook;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;

/** The project list as .xlsx: the projects as filtered, then the totals by unit and by region, one sheet each. */
final class ProjectExport {

    private ProjectExport() {}

    static byte[] workbook(ProjectService.Listing listing, MessageSource messages, Locale locale) {
        java.util.function.Function<String, String> t = key -> messages.getMessage(key, null, locale);
        List<String> header = List.of(t.apply("project.col.name"), t.apply("project.col.task"), t.apply("project.col.unit"),
                t.apply("project.col.region"), t.apply("project.col.planned"), t.apply("project.col.completed"),
                t.apply("project.col.rate"), t.apply("project.col.percent"), t.apply("project.col.lag"),
                t.apply("project.col.status"), t.apply("project.col.start"), t.apply("project.col.plannedEnd"),
                t.apply("project.col.lastPeriod"));
        List<List<Object>> rows = new ArrayList<>();
        for (Project.Row r : listing.page().items()) {
            List<Object> row = new ArrayList<>();
            row.add(r.name());
            row.add(r.taskCode() + " " + r.taskTitle());
            row.add(r.unitName());
            row.add(r.regionName());
            row.add(r.planned());
            row.add(r.completed());
            row.add(r.outcome().rate());
            row.add(r.percent());
            row.add(r.outcome().scheduleLag());
            row.add(t.apply("project.status." + r.outcome().status().name()));
            row.add(r.start().toString());
            row.add(r.plannedEnd().toString());
            row.add(r.lastPeriod());
            rows.add(row);
        }
        List<String> totalsHeader = List.of(t.apply("project.totals.group"), t.apply("project.totals.count"),
                t.apply("project.col.planned"), t.apply("project.col.completed"), t.apply("project.col.rate"));
        return TableWorkbook.xlsx(List.of(
                new TableWorkbook.Table(t.apply("project.list.title") + " " + listing.asOf(), header, rows),
                new TableWorkbook.Table(t.apply("project.totals.byUnit"), totalsHeader, totals(listing.byUnit(), listing.all(), t)),
                new TableWorkbook.Table(t.apply("project.totals.byRegion"), totalsHeader, totals(listing.byRegion(), listing.all(), t))));
    }

    private static List<List<Object>> totals(List<Project.Totals> groups, Project.Totals all,
                                             java.util.function.Function<String, String> t) {
        List<List<Object>> rows = new ArrayList<>();
        for (Project.Totals g : groups) rows.add(row(g.name(), g));
        rows.add(row(t.apply("project.totals.all"), all));
        return rows;
    }

    private static List<Object> row(String name, Project.Totals g) {
        List<Object> row = new ArrayList<>();
        row.add(name);
        row.add(g.count());
        row.add(g.planned());
        row.add(g.completed());
        row.add(g.rate());
        return row;
    }
}
