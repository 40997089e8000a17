/**
 * Plan checks as named rules (in the manner of PX4's FeasibilityChecker): each rule looks at a route
 * and returns violations naming the rule, the waypoint and what to change, rather than stopping at the
 * first problem.
 */
package org.skyfleet.planner.validation;
