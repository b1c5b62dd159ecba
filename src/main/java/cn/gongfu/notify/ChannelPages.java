package cn.gongfu.notify;

import cn.gongfu.kernel.Downloads;
import cn.gongfu.kernel.Inputs;
import cn.gongfu.kernel.InvalidParameterException;
import cn.gongfu.kernel.ListAddress;
import cn.gongfu.kernel.ListFilters;
import cn.gongfu.kernel.PageRequest;
import cn.gongfu.kernel.Scope;
import cn.gongfu.kernel.WebPage;
import cn.gongfu.notify.Outbox.Channel;
import cn.gongfu.notify.Outbox.Search;
import cn.gongfu.notify.Outbox.State;
import cn.gongfu.notify.Robots.RobotInput;
import cn.gongfu.region.Region;
import cn.gongfu.region.RegionService;
import cn.gongfu.unit.Unit;
import cn.gongfu.unit.UnitService;
import java.util.List;
import java.util.stream.Collectors;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The office's channel pages, linked from the supervision board: the delivery log {@code /notify/deliveries} (search by
 * channel, state and date, Excel export, "retry now" on failed rows) and the robot settings {@code /notify/channels}
 * (add, edit, disable, send a test message).
 */
@WebPage
@Controller
class ChannelPages {

    private final Outbox outbox;
    private final Robots robots;
    private final RobotTests tests;
    private final ChannelSenders senders;
    private final RegionService regions;
    private final UnitService units;
    private final Inputs inputs;
    private final MessageSource messages;

    ChannelPages(Outbox outbox, Robots robots, RobotTests tests, ChannelSenders senders, RegionService regions, UnitService units,
                 Inputs inputs, MessageSource messages) {
        this.outbox = outbox;
        this.robots = robots;
        this.tests = tests;
        this.senders = senders;
        this.regions = regions;
        this.units = units;
        this.inputs = inputs;
        this.messages = messages;
    }

    @GetMapping("/notify/deliveries")
    String deliveries(@RequestParam(required = false) String channel, @RequestParam(required = false) String state,
                      @RequestParam(required = false) String from, @RequestParam(required = false) String to,
                      @RequestParam(defaultValue = "0") int page, Model model) {
        model.addAttribute("channels", Channel.values());
        model.addAttribute("states", State.values());
        model.addAttribute("channel", channel);
        model.addAttribute("state", state);
        model.addAttribute("from", from);
        model.addAttribute("to", to);
        model.addAttribute("pageBase", ListAddress.of("/notify/deliveries", "channel", channel, "state", state, "from", from, "to", to));
        model.addAttribute("exportHref", ListAddress.of("/notify/deliveries.xlsx", "channel", channel, "state", state, "from", from, "to", to));
        try {
            Search search = NotifyApi.search(channel, state, from, to);
            model.addAttribute("deliveries", outbox.deliveries(search, new PageRequest(page, 50)));
        } catch (InvalidParameterException e) {
            model.addAttribute("filterError", e.field());
        }
        return "notify/deliveries";
    }

    /** The delivery log as filtered, every page of it (up to {@link ListFilters#EXPORT_LIMIT} rows), as Excel. */
    @GetMapping("/notify/deliveries.xlsx")
    ResponseEntity<byte[]> export(@RequestParam(required = false) String channel, @RequestParam(required = false) String state,
                                  @RequestParam(required = false) String from, @RequestParam(required = false) String to) {
        Search search = NotifyApi.search(channel, state, from, to);
        var rows = ListFilters.every(p -> outbox.deliveries(search, p));
        return Downloads.attachment("deliveries.xlsx", Downloads.XLSX,
                DeliveryExport.workbook(rows, messages, LocaleContextHolder.getLocale()));
    }

    @PostMapping("/notify/deliveries/{id}/retry")
    String retry(@PathVariable long id, RedirectAttributes redirect) {
        outbox.retryNow(id);
        redirect.addFlashAttribute("retried", id);
        return "redirect:/notify/deliveries?state=PENDING";
    }

    @GetMapping("/notify/channels")
    String channels(@RequestParam(required = false) Long edit, Model model) {
        Scope scope = Scope.current();
        List<Region> mine = regions.all().stream().filter(r -> scope.coversRegion(r.code())).toList();
        List<Unit> choices = units.choices(mine.stream().map(Region::code).toList());
        model.addAttribute("robots", robots.list());
        model.addAttribute("regions", mine);
        model.addAttribute("regionNames", mine.stream().collect(Collectors.toMap(Region::code, Region::name)));
        model.addAttribute("units", choices);
        model.addAttribute("unitNames", choices.stream().collect(Collectors.toMap(Unit::id, Unit::name)));
        model.addAttribute("kinds", List.of(Channel.DINGTALK, Channel.WECOM, Channel.GENERIC));
        model.addAttribute("noticeKinds", NoticeKind.values());
        model.addAttribute("emailOn", senders.emailEnabled());
        model.addAttribute("editing", edit == null ? null : robots.get(edit));
        return "notify/channels";
    }

    @PostMapping("/notify/channels")
    String create(@RequestParam(required = false) String kind, @RequestParam(required = false) String name,
                  @RequestParam(required = false) String webhookUrl, @RequestParam(required = false) String secret,
                  @RequestParam(required = false) String region, @RequestParam(required = false) String unit,
                  @RequestParam(required = false) List<String> noticeKinds, RedirectAttributes redirect) {
        return save(null, kind, name, webhookUrl, secret, region, unit, noticeKinds, redirect);
    }

    @PostMapping("/notify/channels/{id}")
    String update(@PathVariable long id, @RequestParam(required = false) String kind, @RequestParam(required = false) String name,
                  @RequestParam(required = false) String webhookUrl, @RequestParam(required = false) String secret,
                  @RequestParam(required = false) String region, @RequestParam(required = false) String unit,
                  @RequestParam(required = false) List<String> noticeKinds, RedirectAttributes redirect) {
        robots.get(id);
        return save(id, kind, name, webhookUrl, secret, region, unit, noticeKinds, redirect);
    }

    @PostMapping("/notify/channels/{id}/enabled")
    String enabled(@PathVariable long id, @RequestParam(defaultValue = "false") boolean enabled, RedirectAttributes redirect) {
        robots.setEnabled(id, enabled);
        redirect.addFlashAttribute("saved", true);
        return "redirect:/notify/channels";
    }

    @PostMapping("/notify/channels/{id}/test")
    String test(@PathVariable long id, RedirectAttributes redirect) {
        tests.enqueue(id);
        redirect.addFlashAttribute("tested", true);
        return "redirect:/notify/channels";
    }

    private String save(Long id, String kind, String name, String webhookUrl, String secret, String region, String unit,
                        List<String> noticeKinds, RedirectAttributes redirect) {
        try {
            Channel channel = kind == null || kind.isBlank() ? null : NotifyApi.parse("kind", kind, Channel.class);
            Long unitId = unit == null || unit.isBlank() ? null : unitId(unit);
            List<NoticeKind> kinds = noticeKinds == null ? List.of()
                    : noticeKinds.stream().map(k -> NotifyApi.parse("noticeKinds", k, NoticeKind.class)).toList();
            RobotInput in = inputs.check(new RobotInput(channel, name, webhookUrl, secret, region, unitId, kinds, true));
            if (id == null) robots.create(in); else robots.update(id, in);
            redirect.addFlashAttribute("saved", true);
            return "redirect:/notify/channels";
        } catch (InvalidParameterException e) {
            redirect.addFlashAttribute("error", e.field());
        }
        return id == null ? "redirect:/notify/channels" : "redirect:/notify/channels?edit=" + id;
    }

    private static Long unitId(String text) {
        try {
            long id = Long.parseLong(text.strip());
            if (id <= 0) throw new InvalidParameterException("unit", "a unit of the region");
            return id;
        } catch (NumberFormatException e) {
            throw new InvalidParameterException("unit", "a unit of the region");
        }
    }
}
