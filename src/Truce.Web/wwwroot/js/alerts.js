// The live feed of alerts (SignalR, /hubs/alerts): on every page a quiet count of the alerts raised since it
// opened, beside the navigation; on /alerts each new alert at the top of the list, without a reload. The server
// sends each browser only the alerts its reader may read. Nothing is logged to the console: a feed that cannot
// connect says so in the indicator's title and on the alerts page instead.
(() => {
    'use strict';
    const indicator = document.getElementById('alert-indicator');
    if (!indicator || !window.signalR) {
        return;
    }

    const list = document.getElementById('alert-list');
    const status = document.getElementById('alerts-live');
    const count = indicator.querySelector('.count');
    let unseen = 0;

    const say = (text, state) => {
        indicator.dataset.state = state;
        indicator.title = 'Alerts: ' + text;
        if (status) {
            status.textContent = text;
            status.dataset.state = state;
        }
    };

    const when = iso => {
        const d = new Date(iso);
        const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
        const two = n => String(n).padStart(2, '0');
        return `${d.getUTCDate()} ${months[d.getUTCMonth()]} ${d.getUTCFullYear()} ${two(d.getUTCHours())}:${two(d.getUTCMinutes())} UTC`;
    };

    const span = (className, text) => {
        const s = document.createElement('span');
        s.className = className;
        s.textContent = text;
        return s;
    };

    // Built from text nodes only: an alert's sentence is data, never markup.
    const show = alert => {
        if (list.querySelector(`li[data-id="${alert.id}"]`)) {
            return;
        }

        const item = document.createElement('li');
        item.className = 'alert-item new';
        item.dataset.id = alert.id;
        item.dataset.rule = alert.ruleId;
        const rule = document.createElement('strong');
        rule.className = 'alert-rule';
        rule.textContent = alert.rule;
        const refs = span('alert-refs', alert.incidentId ? `incident ${alert.incidentId} ` : '');
        for (const id of alert.observationIds.slice(0, 10)) {
            const link = document.createElement('a');
            link.href = `/monitoring/${id}`;
            link.textContent = `#${id}`;
            refs.append(link, ' ');
        }

        item.append(span('alert-when', when(alert.raisedAt)), ' ', rule, ' ', span('alert-why', alert.why), ' ', refs, span('marking', alert.marking));
        list.prepend(item);
        list.dataset.count = String(list.children.length);
        document.getElementById('no-alerts')?.remove();
    };

    const connection = new signalR.HubConnectionBuilder()
        .withUrl('/hubs/alerts')
        .withAutomaticReconnect()
        .configureLogging(signalR.LogLevel.None)
        .build();

    connection.on('alert', alert => {
        unseen += 1;
        count.textContent = String(unseen);
        indicator.classList.add('has-new');
        indicator.dataset.unseen = String(unseen);
        if (list) {
            show(alert);
        }
    });

    const ready = () => connection.invoke('Ready').then(text => say(text, 'live'));
    connection.onreconnecting(() => say('reconnecting…', 'offline'));
    connection.onreconnected(() => ready().catch(() => say('not live; reload the page to see new alerts', 'offline')));
    connection.onclose(() => say('not live; reload the page to see new alerts', 'offline'));
    connection.start().then(ready).catch(() => say('not live; reload the page to see new alerts', 'offline'));
})();
