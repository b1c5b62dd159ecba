package cn.gongfu.bulletin;

import cn.gongfu.kernel.Downloads;
import cn.gongfu.kernel.InvalidInputException;
import cn.gongfu.kernel.InvalidParameterException;
import cn.gongfu.kernel.Inputs;
import cn.gongfu.kernel.ListAddress;
import cn.gongfu.kernel.ListFilters;
import cn.gongfu.kernel.PageRequest;
import cn.gongfu.kernel.Role;
import cn.gongfu.kernel.Scope;
import cn.gongfu.kernel.WebPage;
import cn.gongfu.plan.PlanService;
import cn.gongfu.reporting.ConflictException;
import cn.gongfu.reporting.ValidationException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import java.util.function.Supplier;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The bulletin archive with its search and the office's generate form, and a bulletin's preview as it prints. */
@WebPage
@Controller
class BulletinPages {

    private final BulletinService bulletins;
    private final PlanService plans;
    private final Inputs inputs;
    private final Clock clock;
    private final MessageSource messages;

    BulletinPages(BulletinService bulletins, PlanService plans, Inputs inputs, Clock clock, MessageSource messages) {
        this.messages = messages;
        this.bulletins = bulletins;
        this.plans = plans;
        this.inputs = inputs;
        this.clock = clock;
    }

    @GetMapping("/bulletins")
    String archive(@RequestParam(required = false) Long plan, @RequestParam(required = false) String kind,
                   @RequestParam(required = false) Integer year, @RequestParam(required = false) String state,
                   @RequestParam(required = false) String q, @RequestParam(defaultValue = "0") int page, Model model) {
        BulletinService.Filter f = filter(plan, kind, year, state, q);
        model.addAttribute("active", "bulletins");
        model.addAttribute("bulletins", bulletins.list(f, new PageRequest(page, 20)));
        model.addAttribute("plans", plans.list(null, null, null, new PageRequest(0, 200)).items());
        model.addAttribute("f", f);
        model.addAttribute("pageBase", address("/bulletins", f));
        model.addAttribute("exportHref", address("/bulletins.xlsx", f));
        model.addAttribute("mayGenerate", mayEdit());
        model.addAttribute("periods", periods(LocalDate.now(clock)));
        return "bulletin/list";
    }

    /** The archive as filtered, every page of it, as Excel. */
    @GetMapping("/bulletins.xlsx")
    ResponseEntity<byte[]> export(@RequestParam(required = false) Long plan, @RequestParam(required = false) String kind,
                                  @RequestParam(required = false) Integer year, @RequestParam(required = false) String state,
                                  @RequestParam(required = false) String q) {
        BulletinService.Filter f = filter(plan, kind, year, state, q);
        List<Bulletin.Row> rows = ListFilters.every(p -> bulletins.list(f, p));
        Locale locale = LocaleContextHolder.getLocale();
        String name = messages.getMessage("bulletin.archive.title", null, locale) + " " + LocalDate.now(clock) + ".xlsx";
        return Downloads.attachment(name, Downloads.XLSX, BulletinExport.workbook(rows, messages, locale));
    }

    private static BulletinService.Filter filter(Long plan, String kind, Integer year, String state, String q) {
        return new BulletinService.Filter(plan, kind, year, state, ListFilters.words("q", q));
    }

    private static String address(String path, BulletinService.Filter f) {
        return ListAddress.of(path, "plan", f.planId(), "kind", f.kind(), "year", f.year(), "state", f.state(), "q", f.text());
    }

    @PostMapping("/bulletins")
    String generate(@RequestParam(required = false) Long plan, @RequestParam(required = false) String period, RedirectAttributes redirect) {
        try {
            BulletinApi.GenerateInput in = inputs.check(new BulletinApi.GenerateInput(plan, period));
            return "redirect:/bulletins/" + bulletins.generate(in.plan(), in.period()).id();
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("errors", e.errors().stream().map(f -> new ValidationException.Error(f.field(), f.message())).toList());
        } catch (InvalidParameterException e) {
            redirect.addFlashAttribute("errors", List.of(new ValidationException.Error(e.field(), e.getMessage())));
        }
        return "redirect:/bulletins";
    }

    @GetMapping("/bulletins/{id}")
    String preview(@PathVariable long id, Model model) {
        Bulletin b = bulletins.get(id);
        model.addAttribute("active", "bulletins");
        model.addAttribute("b", b);
        model.addAttribute("layout", bulletins.layout(b));
        model.addAttribute("editable", bulletins.editable(b));
        if (!model.containsAttribute("typed")) model.addAttribute("typed", new BulletinService.Narrative(b.summary(), b.problems(), b.requirements()));
        return "bulletin/preview";
    }

    @PostMapping("/bulletins/{id}/narrative")
    String editNarrative(@PathVariable long id, @RequestParam(required = false) String summary,
                         @RequestParam(required = false) String problems, @RequestParam(required = false) String requirements,
                         @RequestParam(required = false) Integer version, RedirectAttributes redirect) {
        BulletinApi.NarrativeInput in = new BulletinApi.NarrativeInput(summary, problems, requirements, version);
        redirect.addFlashAttribute("typed", new BulletinService.Narrative(summary, problems, requirements));
        return settle(id, redirect, () -> {
            inputs.check(in);
            return bulletins.editNarrative(id, new BulletinService.Narrative(summary, problems, requirements), version);
        });
    }

    @PostMapping("/bulletins/{id}/regenerate")
    String regenerate(@PathVariable long id, @RequestParam(required = false) Integer version, RedirectAttributes redirect) {
        return settle(id, redirect, () -> bulletins.regenerate(id, inputs.check(new BulletinApi.VersionInput(version)).version()));
    }

    @PostMapping("/bulletins/{id}/issue")
    String issue(@PathVariable long id, @RequestParam(required = false) Integer version, RedirectAttributes redirect) {
        return settle(id, redirect, () -> bulletins.issue(id, inputs.check(new BulletinApi.VersionInput(version)).version()));
    }

    @GetMapping("/bulletins/{id}/docx")
    ResponseEntity<byte[]> docx(@PathVariable long id) {
        Bulletin b = bulletins.get(id);
        return Downloads.attachment(BulletinService.fileName(b, "docx"), BulletinApi.DOCX, bulletins.docx(id));
    }

    @GetMapping("/bulletins/{id}/pdf")
    ResponseEntity<byte[]> pdf(@PathVariable long id) {
        Bulletin b = bulletins.get(id);
        return Downloads.attachment(BulletinService.fileName(b, "pdf"), BulletinApi.PDF, bulletins.pdf(id));
    }

    private static String settle(long id, RedirectAttributes redirect, Supplier<Bulletin> change) {
        try {
            change.get();
            redirect.addFlashAttribute("saved", true);
            redirect.getFlashAttributes().remove("typed");
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("errors", e.errors().stream().map(f -> new ValidationException.Error(f.field(), f.message())).toList());
        } catch (InvalidParameterException e) {
            redirect.addFlashAttribute("errors", List.of(new ValidationException.Error(e.field(), e.getMessage())));
        } catch (ConflictException e) {
            redirect.addFlashAttribute("conflict", true);
        } catch (BulletinLockedException e) {
            redirect.getFlashAttributes().remove("typed");
            redirect.addFlashAttribute("locked", true);
        }
        return "redirect:/bulletins/" + id;
    }

    private static boolean mayEdit() {
        var user = Scope.current().user();
        return user != null && user.hasAny(Role.OFFICE, Role.ADMIN);
    }

    /**
     * The periods offered: this quarter and the five before it, this month and the eleven before it, newest first, then
     * last year and this year (the annual evaluation, 年度评价).
     */
    static List<String> periods(LocalDate today) {
        List<String> periods = new ArrayList<>();
        YearMonth month = YearMonth.from(today);
        for (int q = 0; q < 6; q++) {
            YearMonth m = month.minusMonths(3L * q);
            periods.add(m.getYear() + "Q" + ((m.getMonthValue() - 1) / 3 + 1));
        }
        for (int i = 0; i < 12; i++) periods.add(month.minusMonths(i).toString());
        periods.add(String.valueOf(month.getYear() - 1));
        periods.add(String.valueOf(month.getYear()));
        return periods;
    }
}
