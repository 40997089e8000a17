/**
 * Drone as first responder, the rules without the wire: which calls launch a drone by themselves, which wait
 * for a person and which never fly ({@link org.skyfleet.fleet.response.ResponsePolicy}, read from a file by
 * {@link org.skyfleet.fleet.response.ResponsePolicyFile}); the named rules that refuse a call or a drone with a
 * reason ({@link org.skyfleet.fleet.response.SceneRules}, {@link org.skyfleet.fleet.response.ResponderRules});
 * the nearest drone that passes them ({@link org.skyfleet.fleet.response.ResponderChoice}); the route there
 * around every zone ({@link org.skyfleet.fleet.response.ResponseRoute}); and the clock from the call to the first
 * picture ({@link org.skyfleet.fleet.response.TimeToScene}).
 */
package org.skyfleet.fleet.response;
