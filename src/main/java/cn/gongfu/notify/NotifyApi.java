package cn.gongfu.notify;

import cn.gongfu.kernel.InvalidParameterException;
import cn.gongfu.kernel.PageRequest;
import cn.gongfu.kernel.PageResult;
import cn.gongfu.notify.Outbox.Channel;
import cn.gongfu.notify.Outbox.Delivery;
import cn.gongfu.notify.Outbox.Search;
import cn.gongfu.notify.Outbox.State;
import cn.gongfu.notify.Robots.Robot;
import cn.gongfu.notify.Robots.RobotInput;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The inbox, the delivery log and the chat robots through the API. */
@Tag(name = "notify", description = "通知 Notices: my inbox (待办/消息), the outbox's delivery log, chat robots")
@RestController
@RequestMapping("/api/v1/notify")
class NotifyApi {

    private final NotificationService notifications;
    private final Outbox outbox;
    private final Robots robots;
    private final RobotTests tests;

    NotifyApi(NotificationService notifications, Outbox outbox, Robots robots, RobotTests tests) {
        this.notifications = notifications;
        this.outbox = outbox;
        this.robots = robots;
        this.tests = tests;
    }

    /** My notices of one kind (TODO or MESSAGE; both when absent), with the unread count of each kind. */
    public record Inbox(Map<NoticeKind, Long> unread, List<Notification> notifications) {}

    @GetMapping("/notifications")
    public Inbox mine(@RequestParam(required = false) String kind) {
        List<Notification> items = new ArrayList<>();
        NoticeKind k = kind(kind);
        for (NoticeKind each : NoticeKind.values()) {
            if (k == null || k == each) items.addAll(notifications.mine(each, NoticePages.SHOWN));
        }
        return new Inbox(notifications.unreadByKind(), items);
    }

    public record Marked(int marked) {}

    /** Marks all my notices read, or those of one kind. */
    @PostMapping("/notifications/read")
    public Marked markAllRead(@RequestParam(required = false) String kind) {
        return new Marked(notifications.markAllRead(kind(kind)));
    }

    @PostMapping("/notifications/{id}/read")
    public Marked markRead(@PathVariable long id) {
        notifications.markRead(id);
        return new Marked(1);
    }

    @PostMapping("/notifications/{id}/done")
    public Marked markDone(@PathVariable long id) {
        notifications.markDone(id);
        return new Marked(1);
    }

    @GetMapping("/deliveries")
    public PageResult<Delivery> deliveries(@RequestParam(required = false) String channel, @RequestParam(required = false) String state,
                                           @RequestParam(required = false) String from, @RequestParam(required = false) String to,
                                           @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
        return outbox.deliveries(search(channel, state, from, to), new PageRequest(page, size));
    }

    @PostMapping("/deliveries/{id}/retry")
    public Delivery retry(@PathVariable long id) {
        return outbox.retryNow(id);
    }

    @GetMapping("/robots")
    public List<Robot> robots() {
        return robots.list();
    }

    @PostMapping("/robots")
    public Robot create(@Valid @RequestBody RobotInput in) {
        return robots.create(in);
    }

    @GetMapping("/robots/{id}")
    public Robot robot(@PathVariable long id) {
        return robots.get(id);
    }

    @PutMapping("/robots/{id}")
    public Robot update(@PathVariable long id, @Valid @RequestBody RobotInput in) {
        return robots.update(id, in);
    }

    /** Queues a test message to the robot; the dispatcher sends it, and the delivery log shows how it went. */
    @PostMapping("/robots/{id}/test")
    public Delivery test(@PathVariable long id) {
        return outbox.find(tests.enqueue(id));
    }

    static NoticeKind kind(String kind) {
        if (kind == null || kind.isBlank()) return null;
        return parse("kind", kind, NoticeKind.class);
    }

    /** The delivery log's filters from text; a bad value is refused naming its field. */
    static Search search(String channel, String state, String from, String to) {
        return new Search(blank(channel) ? null : parse("channel", channel, Channel.class),
                blank(state) ? null : parse("state", state, State.class), date("from", from), date("to", to));
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    static <E extends Enum<E>> E parse(String field, String text, Class<E> type) {
        try {
            return Enum.valueOf(type, text.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidParameterException(field, "one of " + List.of(type.getEnumConstants()));
        }
    }

    static LocalDate date(String field, String text) {
        if (blank(text)) return null;
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw new InvalidParameterException(field, "a date as YYYY-MM-DD");
        }
    }
}
