package cn.gongfu.security;

import jakarta.servlet.http.HttpSession;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.context.event.EventListener;
import org.springframework.security.web.session.HttpSessionCreatedEvent;
import org.springframework.security.web.session.HttpSessionDestroyedEvent;
import org.springframework.security.web.session.HttpSessionIdChangedEvent;
import org.springframework.stereotype.Component;

/**
 * The servlet container's live sessions by id (from the events {@code HttpSessionEventPublisher} publishes), so
 * that a session pushed out by {@link SessionCap} is really ended and its memory freed at once, not merely
 * marked expired and kept for the 8-hour timeout.
 */
@Component
class ContainerSessions {

    private final Map<String, HttpSession> live = new ConcurrentHashMap<>();

    @EventListener
    void created(HttpSessionCreatedEvent event) {
        live.put(event.getSession().getId(), event.getSession());
    }

    @EventListener
    void idChanged(HttpSessionIdChangedEvent event) {
        HttpSession session = live.remove(event.getOldSessionId());
        if (session != null) live.put(event.getNewSessionId(), session);
    }

    @EventListener
    void destroyed(HttpSessionDestroyedEvent event) {
        live.remove(event.getId());
    }

    /** Ends the session with this id, if the container still holds it. */
    public void invalidate(String id) {
        HttpSession session = live.remove(id);
        if (session == null) return;
        try {
            session.invalidate();
        } catch (IllegalStateException alreadyEnded) {
            // ended meanwhile by its own request or the timeout: nothing left to free
        }
    }
}
