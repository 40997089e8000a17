package org.skyfleet.fleet.search;

/** Lost-person behaviour categories. */
public enum SubjectCategory {
    DEMENTIA,
    CHILD_1_3,
    CHILD_4_6,
    CHILD_7_12,
    CHILD_13_15,
    HIKER,
    DESPONDENT,
    AUTISTIC,
    OTHER
}
