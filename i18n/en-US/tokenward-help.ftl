# English help lives in the doc comments of the command line (src/bin/tokenward/cli/).
# The Russian and Spanish files hold one message per command and option; see cli/help.rs.
