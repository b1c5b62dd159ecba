package cn.gongfu.importing;

import cn.gongfu.kernel.ProblemException;
import org.springframework.http.HttpStatus;

/** An action on an import that is no longer in review (published or discarded, perhaps by someone else). */
class ImportStateException extends ProblemException {

    ImportStateException(String message) {
        super(HttpStatus.CONFLICT, "import-closed", message);
    }
}
