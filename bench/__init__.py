"""The benchmark of issue 16 (`make bench`, README « Mesures de performance »): a data set at a chosen scale, the
queries, server time and throughput of each key request, and the rules they must keep."""
