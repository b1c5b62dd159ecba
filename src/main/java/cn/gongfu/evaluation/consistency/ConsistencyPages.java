package cn.gongfu.evaluation.consistency;

import cn.gongfu.evaluation.dashboard.TableExport;
import cn.gongfu.kernel.Scope;
import cn.gongfu.kernel.WebPage;
import cn.gongfu.region.Region;
import cn.gongfu.region.RegionService;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The target-consistency page: conflicting, falling and worsening targets of a region and those above it, and as Excel. */
@WebPage
@Controller
class ConsistencyPages {

    private final ConsistencyService consistency;
    private final RegionService regions;
    private final MessageSource messages;

    ConsistencyPages(ConsistencyService consistency, RegionService regions, MessageSource messages) {
        this.consistency = consistency;
        this.regions = regions;
        this.messages = messages;
    }

    @GetMapping("/consistency")
    public String consistency(@RequestParam(required = false) String region, Model model) {
        String code = region == null || region.isBlank() ? null : region;
        List<Region> choices = regionChoices();
        Scope scope = Scope.current();
        if (code == null && (scope.user() == null || scope.user().regionCode() == null) && !choices.isEmpty()) {
            // an administrator has no region of their own: start with the first district
            code = choices.stream().filter(r -> r.level().equals("county")).findFirst().orElse(choices.get(0)).code();
        }
        ConsistencyService.Report report = consistency.findings(code);
        Map<String, List<ConsistencyService.Finding>> byKind = new LinkedHashMap<>();
        for (String kind : List.of("conflict", "cumulative_falls", "target_worsens")) byKind.put(kind, new ArrayList<>());
        report.findings().forEach(f -> byKind.computeIfAbsent(f.kind(), k -> new ArrayList<>()).add(f));
        model.addAttribute("report", report);
        model.addAttribute("byKind", byKind);
        model.addAttribute("regions", choices);
        return "evaluation/consistency";
    }

    /** The findings as an .xlsx file, both sources side by side. */
    @GetMapping("/consistency/export")
    public ResponseEntity<byte[]> exportConsistency(@RequestParam(required = false) String region) {
        List<List<Object>> rows = new ArrayList<>();
        for (ConsistencyService.Finding f : consistency.findings(region == null || region.isBlank() ? null : region).findings()) {
            rows.add(Arrays.asList(f.kind(), f.indicator(), f.first().regionName(), f.first().year(), f.first().target(),
                    f.first().planTitle(), f.second().regionName(), f.second().year(), f.second().target(),
                    f.second().planTitle(), f.message()));
        }
        return TableExport.download(text("export.consistency.file"), TableExport.xlsx(text("export.consistency.sheet"),
                texts("export.col.kind", "export.col.indicator", "export.col.firstRegion", "export.col.year", "export.col.target",
                        "export.col.plan", "export.col.secondRegion", "export.col.year", "export.col.target", "export.col.plan",
                        "export.col.reason"), rows));
    }

    /** A text of an export, in the request's language. */
    private String text(String key) {
        return messages.getMessage(key, null, LocaleContextHolder.getLocale());
    }

    private List<String> texts(String... keys) {
        return Arrays.stream(keys).map(this::text).toList();
    }

    private List<Region> regionChoices() {
        return regions.coveredAboveTowns();
    }
}
