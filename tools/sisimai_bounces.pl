#!/usr/bin/perl
# Reads bounce files with Sisimai (Debian's libsisimai-perl) and prints one
# JSON object per recipient, in the shape of `smtpcodes bounces --json`, so
# that tools/evaluate_corpus.py --sisimai can grade Sisimai on the same rows.
# Usage: perl tools/sisimai_bounces.pl FILE...
use strict;
use warnings;
use Sisimai;
use JSON::PP;

my $json = JSON::PP->new->canonical;
for my $file (@ARGV) {
    my $found = eval { Sisimai->make($file, 'delivered' => 1) } || [];
    for my $e (@$found) {
        my $soft = $e->softbounce;
        print $json->encode({
            'file'        => $file,
            'recipient'   => $e->recipient->address,
            'status'      => ($e->deliverystatus || undef),
            'reply_code'  => ($e->replycode || undef),
            'sisimai'     => $e->reason,
            'bounce'      => ($soft == 1 ? 'soft' : $soft == 0 ? 'hard' : 'none'),
            'diagnostic'  => ($e->diagnosticcode // ''),
            'action'      => ($e->action || 'unknown'),
            'dialect'     => ($e->smtpagent || undef),
        }), "\n";
    }
}
