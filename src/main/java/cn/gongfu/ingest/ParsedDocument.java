package cn.gongfu.ingest;

import java.util.List;

/** Everything the parser read from one document; the importer maps it to plans, tasks and indicators. metadata is the
 * 文号 / 索引号 / 发文日期 the page gave ({@link DocumentMetadata#EMPTY} when none); tables are the tables read, with the
 * meaning of each column, for the office to check and correct. */
public record ParsedDocument(
        String source,
        String title,
        Period period,
        List<ParsedSection> sections,
        List<ParsedTask> tasks,
        List<ParsedIndicator> indicators,
        List<Finding> findings,
        DocumentMetadata metadata,
        List<ParsedTable> tables) {

    public List<ParsedTask> tasksOf(String list) {
        return tasks.stream().filter(t -> t.list().equals(list)).toList();
    }
}
