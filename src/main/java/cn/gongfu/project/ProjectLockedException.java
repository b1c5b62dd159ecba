package cn.gongfu.project;

import cn.gongfu.kernel.BundleText;
import cn.gongfu.kernel.ProblemException;
import org.springframework.http.HttpStatus;

/** A month's report the office accepted is locked: nothing in it changes until the office reopens it. */
public class ProjectLockedException extends ProblemException {

    public ProjectLockedException(long projectId, String period) {
        super(HttpStatus.CONFLICT, "project-report-locked", BundleText.both("project.error.locked", projectId, period));
    }
}
