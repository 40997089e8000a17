/**
 * Routes under construction in the local frame: points with altitude, action and hold time, and the
 * builder that routes every added leg around exclusion zones before it is appended.
 */
package org.skyfleet.planner.route;
