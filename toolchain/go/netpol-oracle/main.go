// netpol-oracle: the differential oracle for bvchart's NetworkPolicy evaluator.
//
// It reads one JSON document on stdin,
//
//	{"policies": [<networking.k8s.io/v1 NetworkPolicy>...],
//	 "traffic":  [{"source": <peer>, "destination": <peer>, "port": 8080, "portName": "http", "protocol": "TCP"}...]}
//
// where a peer is {"ip": "10.0.0.1", "internal": {"namespace": "ns", "namespaceLabels": {...}, "podLabels": {...}}}
// (internal absent: a host outside the cluster), and prints one verdict per traffic item,
// computed by Cyclonus's matcher (github.com/mattfenwick/cyclonus/pkg/matcher), the
// NetworkPolicy truth-table engine used by Kubernetes SIG Network:
//
//	{"verdicts": [{"allowed": true, "ingress": true, "egress": true}...]}
//
// Optional "selectorChecks": [{"selector": <metav1.LabelSelector>, "labels": {...}}...] are
// answered with Kubernetes' own label selector semantics (apimachinery's
// metav1.LabelSelectorAsSelector), in "selectorMatches": [true, false...], where the two differ.
//
// Policies are decoded with sigs.k8s.io/yaml (the decoder Kubernetes clients use) and given
// the API server's defaulting first, because Cyclonus expects stored objects: policyTypes
// defaults to [Ingress], plus Egress when the policy has egress rules
// (NetworkPolicySpec.policyTypes in the networking/v1 API reference).
package main

import (
	"encoding/json"
	"fmt"
	"io"
	"os"

	"github.com/mattfenwick/cyclonus/pkg/matcher"
	v1 "k8s.io/api/core/v1"
	networkingv1 "k8s.io/api/networking/v1"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"k8s.io/apimachinery/pkg/labels"
	"sigs.k8s.io/yaml"
)

type peer struct {
	IP       string                `json:"ip"`
	Internal *matcher.InternalPeer `json:"internal,omitempty"`
}

type traffic struct {
	Source      peer   `json:"source"`
	Destination peer   `json:"destination"`
	Port        int    `json:"port"`
	PortName    string `json:"portName"`
	Protocol    string `json:"protocol"`
}

type selectorCheck struct {
	Selector metav1.LabelSelector `json:"selector"`
	Labels   map[string]string    `json:"labels"`
}

type input struct {
	Policies       []json.RawMessage `json:"policies"`
	Traffic        []traffic         `json:"traffic"`
	SelectorChecks []selectorCheck   `json:"selectorChecks"`
}

type verdict struct {
	Allowed bool `json:"allowed"`
	Ingress bool `json:"ingress"`
	Egress  bool `json:"egress"`
}

func defaultPolicyTypes(p *networkingv1.NetworkPolicy) {
	if len(p.Spec.PolicyTypes) > 0 {
		return
	}
	p.Spec.PolicyTypes = []networkingv1.PolicyType{networkingv1.PolicyTypeIngress}
	if len(p.Spec.Egress) > 0 {
		p.Spec.PolicyTypes = append(p.Spec.PolicyTypes, networkingv1.PolicyTypeEgress)
	}
}

func toPeer(p peer) *matcher.TrafficPeer {
	out := &matcher.TrafficPeer{IP: p.IP}
	if p.Internal != nil {
		internal := *p.Internal
		if internal.PodLabels == nil {
			internal.PodLabels = map[string]string{}
		}
		if internal.NamespaceLabels == nil {
			internal.NamespaceLabels = map[string]string{}
		}
		out.Internal = &internal
	}
	return out
}

func run(stdin io.Reader, stdout io.Writer) error {
	raw, err := io.ReadAll(stdin)
	if err != nil {
		return err
	}
	var in input
	if err := json.Unmarshal(raw, &in); err != nil {
		return fmt.Errorf("input: %w", err)
	}
	policies := make([]*networkingv1.NetworkPolicy, 0, len(in.Policies))
	for i, doc := range in.Policies {
		p := &networkingv1.NetworkPolicy{}
		if err := yaml.UnmarshalStrict(doc, p); err != nil {
			return fmt.Errorf("policy %d: %w", i, err)
		}
		defaultPolicyTypes(p)
		policies = append(policies, p)
	}
	model := matcher.BuildNetworkPolicies(false, policies)
	out := struct {
		Verdicts        []verdict `json:"verdicts"`
		SelectorMatches []bool    `json:"selectorMatches"`
	}{Verdicts: make([]verdict, 0, len(in.Traffic)), SelectorMatches: make([]bool, 0, len(in.SelectorChecks))}
	for i, c := range in.SelectorChecks {
		selector, err := metav1.LabelSelectorAsSelector(&c.Selector)
		if err != nil {
			return fmt.Errorf("selectorChecks %d: %w", i, err)
		}
		out.SelectorMatches = append(out.SelectorMatches, selector.Matches(labels.Set(c.Labels)))
	}
	for _, t := range in.Traffic {
		result := model.IsTrafficAllowed(&matcher.Traffic{
			Source:           toPeer(t.Source),
			Destination:      toPeer(t.Destination),
			ResolvedPort:     t.Port,
			ResolvedPortName: t.PortName,
			Protocol:         v1.Protocol(t.Protocol),
		})
		out.Verdicts = append(out.Verdicts, verdict{Allowed: result.IsAllowed(), Ingress: result.Ingress.IsAllowed(), Egress: result.Egress.IsAllowed()})
	}
	return json.NewEncoder(stdout).Encode(out)
}

func main() {
	if len(os.Args) > 1 && os.Args[1] == "version" {
		fmt.Println(version)
		return
	}
	if err := run(os.Stdin, os.Stdout); err != nil {
		fmt.Fprintf(os.Stderr, "netpol-oracle: %v\n", err)
		os.Exit(2)
	}
}
