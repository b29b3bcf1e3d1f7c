/** Coordination meetings, their reports, decisions and briefs ({@link org.expoflow.workflow.meetings.MeetingWork}). */
package org.expoflow.workflow.meetings;
