package cn.gongfu.notify;

import java.time.Clock;
import org.springframework.stereotype.Component;

/** "Send a test message" (发送测试消息): an outbox row to the robot, under a key of its own each time. */
@Component
class RobotTests {

    private final Robots robots;
    private final Outbox outbox;
    private final Clock clock;

    RobotTests(Robots robots, Outbox outbox, Clock clock) {
        this.robots = robots;
        this.outbox = outbox;
        this.clock = clock;
    }

    /** The new row's id; a disabled robot is refused. */
    long enqueue(long robotId) {
        Robots.Listener robot = robots.listener(robotId);
        return outbox.enqueueTest(robot, "test:robot:" + robotId + ":" + clock.millis() + ":" + System.nanoTime());
    }
}
