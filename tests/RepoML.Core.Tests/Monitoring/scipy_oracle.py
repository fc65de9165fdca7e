# The test oracle for StatisticsOracleTests: run once with /usr/bin/python3 (Debian python3-scipy); values are hard-coded in the tests.
import numpy as np, scipy
from scipy import stats, special
from scipy.spatial import distance
def A(n, mul, mod, div, off=0.0): return np.array([((i*mul) % mod)/div + off for i in range(n)])
def Bn(n, mul, mod, div, off=0.0): return np.array([((i*mul + 13) % mod)/div + off for i in range(n)])
print("scipy", scipy.__version__, "numpy", np.__version__)
cases = {
 "ks_unequal": (A(120,7919,1000,10.0), Bn(90,104729,997,10.0,12.0)),
 "ks_equal": (A(200,7919,1000,10.0), Bn(200,104729,997,10.0,5.0)),
 "ks_large": (A(1000,7919,1000,10.0), Bn(700,104729,997,10.0,6.0)),
 "ks_ties": (A(150,37,20,1.0), Bn(110,41,20,1.0,1.0)),
 "ks_far": (A(300,7919,1000,10.0), Bn(250,104729,997,10.0,20.0)),
 "ks_equal_far": (A(150,7919,1000,10.0), Bn(150,104729,997,10.0,15.0)),
 "ks_asymp": (A(12000,7919,1000,10.0), Bn(800,104729,997,10.0,5.0)),
}
for k,(a,b) in cases.items():
    r = stats.ks_2samp(a,b)
    print(k, repr(r.statistic), repr(r.pvalue))
for k,(a,b) in list(cases.items())[:3]:
    w = stats.wasserstein_distance(a,b); print("wd", k, repr(w), repr(w/max(np.std(a),0.001)))
print("chisq", stats.chisquare([40,35,25,12],[v*(112/100) for v in [50,30,15,5]]))
def z(h1,n1,h2,n2):
    p1=h1/n1;p2=h2/n2;P=(p1*n1+p2*n2)/(n1+n2); zz=(p1-p2)/np.sqrt(P*(1-P)*(1/n1+1/n2)); return zz, 2*(1-stats.norm.cdf(abs(zz)))
print("z", z(300,1000,260,700))
for a_,x_ in [(0.5,0.1),(1.5,2.0),(10,3.0),(10,25.0),(50,40.0),(0.5,12.0)]:
    print("gammaincc", a_, x_, repr(special.gammaincc(a_,x_)))
a,b = cases["ks_large"]
edges = np.histogram_bin_edges(np.concatenate([a,b]), bins=30)
r = np.histogram(a, edges)[0]/len(a); c = np.histogram(b, edges)[0]/len(b)
print("hist_ref", list(r[:5])); print("hist_cur", list(c[-5:]))
print("js", repr(distance.jensenshannon(r,c)))
def fill(p):
    p=p.copy(); m=min(p[p!=0]); np.place(p, p==0, m/10**6 if m<=0.0001 else 0.0001); return p
rf, cf = fill(r), fill(c)
print("psi", repr(np.sum((rf-cf)*np.log(rf/cf))))
# Strong drift: exact p-values far below 1e-16 (issue 18: 1 - p cancelled to 0) and complete separation, 2 / C(n1+n2, n1).
for k,(a,b) in {
 "ks_far_unequal": (A(300,7919,1000,10.0), Bn(250,104729,997,10.0,35.0)),
 "ks_far_unequal2": (A(400,7919,1000,10.0), Bn(330,104729,997,10.0,40.0)),
 "ks_far_equal": (A(300,7919,1000,10.0), Bn(300,104729,997,10.0,45.0)),
 "ks_separate_unequal": (A(520,7919,1000,10.0), Bn(470,104729,997,10.0,150.0)),
 "ks_separate_equal": (A(500,7919,1000,10.0), Bn(500,104729,997,10.0,150.0)),
}.items():
    r = stats.ks_2samp(a,b); print(k, repr(r.statistic), repr(r.pvalue))
# Evidently's numeric binning: np.histogram_bin_edges(concat, bins="sturges").
a,b = cases["ks_large"]
edges = np.histogram_bin_edges(np.concatenate([a,b]), bins="sturges")
r = np.histogram(a, edges)[0]/len(a); c = np.histogram(b, edges)[0]/len(b)
print("sturges_bins", len(edges)-1, "ref", list(r[:3]), "cur", list(c[-3:]))
