/** Point inspection: fly to a point, orbit it at a radius, and return. */
package org.skyfleet.planner.inspection;
