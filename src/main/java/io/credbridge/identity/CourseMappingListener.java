package io.credbridge.identity;

import java.util.List;

/**
 * Hears of course mappings once they are committed: the award stage judges again the learners whose completions
 * a criterion naming the SIS course can now count.
 */
@FunctionalInterface
public interface CourseMappingListener {

    /** Called after the mappings commit; an exception is logged and leaves the mappings stored. */
    void coursesMapped(List<CourseMapping> courses);
}
