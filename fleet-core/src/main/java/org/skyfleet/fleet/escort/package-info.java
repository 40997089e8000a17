/**
 * The robot beside the officer: where a ground robot paired with an officer should go next. Pure rules, no
 * transport; the pairing service, the 1-2 Hz position targets and the patrol and docking loops build on them.
 */
package org.skyfleet.fleet.escort;
