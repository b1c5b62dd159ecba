package cn.gongfu.plan;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A plan's sections as a tree, each node holding its own tasks; built in memory from two flat lists. */
record PlanTree(List<Node> roots, List<TaskSummary> loose) {

    /** A section, its tasks, its subsections, and how many tasks lie anywhere below it. */
    public record Node(Section section, List<Node> children, List<TaskSummary> tasks) {

        public int totalTasks() {
            return tasks.size() + children.stream().mapToInt(Node::totalTasks).sum();
        }
    }

    /** @param sections in document order, parents before children */
    public static PlanTree of(List<Section> sections, List<TaskSummary> tasks) {
        Map<Long, Node> nodes = new HashMap<>();
        List<Node> roots = new ArrayList<>();
        for (Section s : sections) {
            Node node = new Node(s, new ArrayList<>(), new ArrayList<>());
            nodes.put(s.id(), node);
            Node parent = s.parentId() == null ? null : nodes.get(s.parentId());
            (parent == null ? roots : parent.children()).add(node);
        }
        List<TaskSummary> loose = new ArrayList<>();
        for (TaskSummary t : tasks) {
            Node node = t.sectionId() == null ? null : nodes.get(t.sectionId());
            (node == null ? loose : node.tasks()).add(t);
        }
        return new PlanTree(roots, loose);
    }

    /** The tree without sections that hold no task anywhere below them: what a unit that sees only its own tasks needs. */
    public PlanTree withoutEmptySections() {
        return new PlanTree(prune(roots), loose);
    }

    private static List<Node> prune(List<Node> nodes) {
        List<Node> kept = new ArrayList<>();
        for (Node n : nodes) {
            if (n.totalTasks() > 0) kept.add(new Node(n.section(), prune(n.children()), n.tasks()));
        }
        return kept;
    }

    public Optional<Node> find(long sectionId) {
        List<Node> todo = new ArrayList<>(roots);
        while (!todo.isEmpty()) {
            Node n = todo.remove(todo.size() - 1);
            if (n.section().id() == sectionId) return Optional.of(n);
            todo.addAll(n.children());
        }
        return Optional.empty();
    }
}
