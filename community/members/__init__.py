"""The network's members: accounts, invitations, profiles, the roles and the access rules the other apps build on."""
