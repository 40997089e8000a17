/** Test fixtures shared by every module's tests (as fleet-core's test-jar): a clock moved by hand. */
package org.skyfleet.fleet.testing;
