"""A person across the apps: when an employee leaves or asks to be forgotten, each app
that holds something of theirs takes its own step. This package sits above employees,
orders and surveys (it imports them; none of them imports it), so those apps never reach
into each other. The apps to come (activities, grants, hybrid work) add their step here."""
